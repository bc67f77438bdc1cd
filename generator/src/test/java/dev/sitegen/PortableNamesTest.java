package dev.sitegen;

import dev.sitegen.build.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A site is published to hosts and checked out on machines whose file systems ignore letter case or refuse device
 * names (S3 synced from macOS, a Windows checkout or server): names that would lose a file there are errors at the
 * file they come from, and a hard link in static/, which may publish a file from elsewhere, is a warning.
 */
class PortableNamesTest {
    @TempDir
    Path tmp;

    private Path site() {
        return Sites.copy(Sites.fixture("minimal"), tmp.resolve("site"));
    }

    private List<String> failedBuild(Path site) {
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertFalse(result.ok(), "the build fails");
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
        return Sites.lines(result);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            img/DOT.svg     | static/img/dot.svg: static file /img/dot.svg differs from /img/DOT.svg only in letter case; a case-insensitive host (Windows, macOS) keeps only one of them; rename it
            Guides/a.txt    | static/Guides/a.txt: static file /Guides/a.txt differs from /guides/ only in letter case; a case-insensitive host (Windows, macOS) keeps only one of them; rename it
            Feed.xml        | static/Feed.xml: static file /Feed.xml differs from /feed.xml only in letter case; a case-insensitive host (Windows, macOS) keeps only one of them; rename it
            WEB/x.png       | static/WEB/x.png: static file /WEB/x.png differs from /web/ only in letter case; a case-insensitive host (Windows, macOS) keeps only one of them; rename it
            Search/x.json   | static/Search/x.json: static file /Search/x.json differs from /search/ only in letter case; a case-insensitive host (Windows, macOS) keeps only one of them; rename it
            """)
    void namesThatDifferOnlyInCaseAreErrors(String file, String problem) throws IOException {
        Path site = site();
        Files.createDirectories(site.resolve("static").resolve(file).getParent());
        Files.writeString(site.resolve("static").resolve(file), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        assertEquals(List.of(problem), failedBuild(site));
    }

    @Test
    void twoStaticFilesThatDifferOnlyInCase() throws IOException {
        Path site = site();
        Files.writeString(site.resolve("static/logo.png"), "a");
        Files.writeString(site.resolve("static/Logo.png"), "b");
        assertEquals(List.of("static/logo.png: static file /logo.png differs from /Logo.png only in letter case;"
                + " a case-insensitive host (Windows, macOS) keeps only one of them; rename it"), failedBuild(site));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CON           | 'CON' is a device name on Windows; rename it
            aux.txt       | 'aux.txt' is a device name on Windows; rename it
            img/nul.png   | 'nul.png' is a device name on Windows; rename it
            Com1.tar.gz   | 'Com1.tar.gz' is a device name on Windows; rename it
            lpt9          | 'lpt9' is a device name on Windows; rename it
            readme.       | 'readme.' ends with a dot, which Windows drops; rename it
            docs./a.txt   | 'docs.' ends with a dot, which Windows drops; rename it
            """)
    void windowsDeviceNamesAndTrailingDotsAreErrors(String file, String problem) throws IOException {
        Path site = site();
        Files.createDirectories(site.resolve("static").resolve(file).getParent());
        Files.writeString(site.resolve("static").resolve(file), "x");
        assertEquals(List.of("static/" + file + ": /" + file + ": " + problem), failedBuild(site));
    }

    @Test
    void aTopicOrGuideNamedLikeADeviceIsAnErrorAtItsFile() throws IOException {
        Path site = site();
        Path graph = site.resolve("roadmaps/web.yaml");
        Files.writeString(graph, Files.readString(graph).replace("nodes:\n", "nodes:\n  - id: aux\n    title: Aux\n    stage: basics\n"));
        Files.writeString(site.resolve("topics/web/aux.md"), "---\ndescription: A.\nupdated: 2026-11-20\n---\nText.\n");
        Files.writeString(site.resolve("guides/prn.md"), "---\ntitle: P\ndescription: D\ndate: 2026-01-01\n---\nText.\n");
        assertEquals(List.of("guides/prn.md: /guides/prn/: 'prn' is a device name on Windows; rename it",
                "topics/web/aux.md: /web/aux/: 'aux' is a device name on Windows; rename it"), failedBuild(site));
    }

    @Test
    void aHardLinkInStaticIsAWarning() throws IOException {
        Path site = site();
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "not for the site");
        Files.createLink(site.resolve("static/notes.txt"), outside);
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertTrue(result.ok(), "a warning, not an error");
        assertEquals(List.of("static/notes.txt: warning: this file has 2 hard links: the same content is also under another name,"
                + " perhaps outside the site, and is published; copy the file in if that is not meant"),
                result.problems().stream().map(Object::toString).toList());
    }
}
