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
 * Nothing in a site reaches outside it or outside the output: slugs, topic references, links, static files, theme
 * assets and the theme folder that try ({@code ../}, absolute paths, drive letters, NUL bytes, symbolic links, over-long
 * names) are errors at their place, never a stack trace, and nothing is written. Before, a NUL byte in the theme setting
 * or a Markdown link ({@code x%00.md}) threw InvalidPathException, a link in theme/assets to /etc/passwd was published as
 * an asset, and a site.yaml linked to /etc/passwd was quoted into the build log.
 */
class PathAttackTest {
    @TempDir
    Path tmp;

    private Path site() {
        return Sites.copy(Sites.fixture("minimal"), tmp.resolve("site"));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), from + " in " + file);
        Files.writeString(file, text.replace(from, to));
    }

    private List<String> build(Path site) {
        Path out = tmp.resolve("out");
        BuildResult result = Sites.build(site, out);
        assertFalse(result.ok());
        assertFalse(Files.exists(out), "nothing written");
        return Sites.lines(result);
    }

    @ParameterizedTest(name = "topic: {0}")
    @CsvSource(delimiter = '|', value = {
            "../../../etc/passwd",
            "/etc/passwd",
            "web/../../../etc/passwd.md",
            "'C:\\\\Windows\\\\win.ini'",
            "'web/html.md\\0.txt'",
            "web/html.md/..",
            "web/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md"})
    void topicReferencesCannotLeaveTopics(String topic) throws IOException {
        Path site = site();
        replace(site.resolve("roadmaps/web.yaml"), "  - id: html\n    title: HTML\n", "  - id: html\n    title: HTML\n    topic: \"" + topic + "\"\n");
        List<String> problems = build(site);
        String shown = topic.replace("\\\\", "\\").replace("\\0", "\\u0000");
        assertTrue(problems.contains("roadmaps/web.yaml:15:12: topic '" + shown + "' must be '<roadmap>/<node>.md', a file below topics/ (e.g. web/html.md)"),
                String.join("\n", problems));
    }

    @ParameterizedTest(name = "theme: {0}")
    @CsvSource(delimiter = '|', value = {"../outside", "/etc", "'C:\\\\themes'", "'theme\\0x'", "themes/../../x"})
    void theThemeFolderCannotLeaveTheSite(String theme) throws IOException {
        Path site = site();
        replace(site.resolve("site.yaml"), "menu:", "theme: \"" + theme + "\"\nmenu:");
        String shown = theme.replace("\\\\", "\\").replace("\\0", "\\u0000");
        assertEquals(List.of("site.yaml:5:8: theme '" + shown + "' must be a folder inside the site, such as theme or themes/mine"
                + " (no '..', absolute path, drive letter, backslash or control character)"), build(site));
    }

    @Test
    void idsAndFileNamesMustBeSlugs() throws IOException {
        Path site = site();
        replace(site.resolve("roadmaps/web.yaml"), "  - id: layout\n", "  - id: ../layout\n");
        Files.writeString(site.resolve("guides/" + "g".repeat(65) + ".md"), "---\ntitle: G\ndescription: D\ndate: 2026-01-01\n---\n");
        Files.writeString(site.resolve("guides/Start Here.md"), "---\ntitle: G\ndescription: D\ndate: 2026-01-01\n---\n");
        Files.createDirectories(site.resolve("topics/Web"));
        Files.writeString(site.resolve("topics/Web/x.md"), "---\ndescription: D\nupdated: 2026-01-01\n---\n");
        assertEquals(List.of(
                "guides/Start Here.md:1:1: guide file name must be a slug of lower-case letters, digits and hyphens, e.g. start-here.md",
                "guides/" + "g".repeat(65) + ".md:1:1: guide file name must be a slug of lower-case letters, digits and hyphens, e.g. " + "g".repeat(64) + ".md",
                "roadmaps/web.yaml:25:9: 'id' is '../layout': use lower-case letters, digits and single hyphens (at most 64 characters), e.g. 'layout'",
                // layout.md's node was lost to the bad id: its page is not called unused as well.
                "topics/Web/x.md:1:1: topic path 'topics/Web/x.md' must use lower-case letters, digits and hyphens (e.g. topics/web/x.md)"),
                build(site));
    }

    @Test
    void markdownLinksCannotLeaveTheSiteOrCarryANulByte() throws IOException {
        Path site = site();
        Files.writeString(site.resolve("topics/web/css.md"), Files.readString(site.resolve("topics/web/css.md"))
                + "\n[nul](x%00.md) [up](../../../../etc/passwd) [static](../../static/img/dot%00.svg)\n");
        List<String> problems = build(site);
        assertEquals(List.of(
                "topics/web/css.md:9:7: link 'x%00.md' has a NUL or control character in its path",
                "topics/web/css.md:9:21: link '../../../../etc/passwd' points outside the site folder",
                "topics/web/css.md:9:54: link '../../static/img/dot%00.svg' has a NUL or control character in its path"),
                problems);
    }

    @Test
    void symbolicLinksOutOfTheSiteAreRefusedWhereverTheyAre() throws IOException {
        Path site = site();
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "root:x:secret\n");
        Files.createDirectories(site.resolve("theme/assets"));
        Files.createDirectories(site.resolve("theme/templates"));
        Files.createSymbolicLink(site.resolve("theme/assets/passwd.txt"), secret);
        Files.createSymbolicLink(site.resolve("theme/templates/404.ftlh"), secret);
        Files.createSymbolicLink(site.resolve("static/img/leak.txt"), secret);
        Files.createSymbolicLink(site.resolve("static/outside"), tmp);
        Files.delete(site.resolve("topics/web/tailwind.md"));
        Files.createSymbolicLink(site.resolve("topics/web/tailwind.md"), secret);
        String link = "symbolic link points outside the site folder; copy the file in instead";
        // Static files are checked when they are copied, after loading: see staticFileNamesAndLinksAreCheckedToo.
        assertEquals(List.of(
                "theme/assets/passwd.txt: " + link,
                "theme/templates/404.ftlh: " + link,
                "topics/web/tailwind.md: " + link), build(site));

        Path config = site.resolve("site.yaml");
        Files.move(config, site.resolve("real.yaml"));
        Files.createSymbolicLink(config, secret);
        List<String> problems = build(site);
        assertEquals(List.of("site.yaml: " + link), problems, "the secret is not quoted");
    }

    @Test
    void themeAssetNamesMustBeSafeOutputPaths() throws IOException {
        Path site = site();
        Files.createDirectories(site.resolve("theme/assets/css"));
        Files.writeString(site.resolve("theme/assets/css/my style.css"), "a{}");
        Files.writeString(site.resolve("theme/assets/c:evil.js"), "x");
        Files.writeString(site.resolve("theme/assets/" + "n".repeat(210) + ".png"), "x");
        String longName = "n".repeat(210) + ".png";
        // Reported at the file; the message names the output path, with the content hash scripts and styles get.
        assertEquals(List.of(
                "theme/assets/c:evil.js: theme asset 'assets/c:evil.2d711642b7.js' is not a relative path",
                "theme/assets/css/my style.css: theme asset 'assets/css/my style.5f546eb460.css' has characters other than letters, digits and . _ ~ @ + -",
                "theme/assets/" + longName + ": theme asset 'assets/" + longName + "' has a name longer than 200 characters"),
                build(site));
    }

    @Test
    void staticFileNamesAndLinksAreCheckedToo() throws IOException {
        Path site = site();
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret\n");
        Files.createSymbolicLink(site.resolve("static/img/leak.txt"), secret);
        Files.writeString(site.resolve("static/img/" + "n".repeat(210) + ".png"), "x");
        Files.writeString(site.resolve("static/img/a\\..\\b.png"), "x");
        Files.writeString(site.resolve("static/img/c:d.png"), "x");
        String longName = "n".repeat(210) + ".png";
        assertEquals(List.of(
                // A backslash is a letter in a Linux file name; problems show it as the separator it is elsewhere.
                "static/img/a/../b.png: static file name 'img/a/../b.png' has an empty, '.' or '..' segment",
                "static/img/c:d.png: static file name 'img/c:d.png' is not a relative path",
                "static/img/leak.txt: symbolic link points outside the site folder; copy the file in instead",
                "static/img/" + longName + ": static file name 'img/" + longName + "' has a name longer than 200 characters"),
                build(site));
    }
}
