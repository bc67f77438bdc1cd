package dev.sitegen.search;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.SiteGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the index goes in a build's output, and what happens when it cannot go there. */
class SearchOutputTest {
    @TempDir
    Path tmp;

    private Path minimal() throws IOException {
        Path site = tmp.resolve("src");
        try (Stream<Path> walk = Files.walk(Path.of("src", "test", "resources", "sites", "minimal"))) {
            Path from = Path.of("src", "test", "resources", "sites", "minimal");
            for (Path p : walk.toList()) {
                Path to = site.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return site;
    }

    @Test
    void theBuildWritesTheIndexAndPagesPointToIt() throws IOException {
        Path out = tmp.resolve("out");
        BuildResult result = new SiteGenerator().build(new BuildRequest(minimal(), out));
        assertTrue(result.ok(), result.problems().toString());
        assertTrue(Files.isRegularFile(out.resolve("search/index.json")));
        assertTrue(Files.readString(out.resolve("index.html")).contains("data-search=\"/learn/search/index.json\""));
    }

    @Test
    void noSearchLeavesTheIndexOut() throws IOException {
        Path out = tmp.resolve("out");
        BuildResult result = new SiteGenerator().build(new BuildRequest(minimal(), out).withSearch(false));
        assertTrue(result.ok(), result.problems().toString());
        assertFalse(Files.exists(out.resolve("search")));
    }

    @Test
    void aStaticFileInTheIndexsPlaceIsReportedAndThePreviousSiteStays() throws IOException {
        Path site = minimal();
        Path out = tmp.resolve("out");
        assertTrue(new SiteGenerator().build(new BuildRequest(site, out)).ok());
        Files.createDirectories(site.resolve("static/search"));
        Files.writeString(site.resolve("static/search/index.json"), "{}");
        BuildResult result = new SiteGenerator().build(new BuildRequest(site, out));
        assertFalse(result.ok());
        assertEquals(List.of("static/search/index.json: static file would replace the search index's /search/index.json;"
                        + " rename it (search/ belongs to the site)"),
                result.problems().stream().map(Object::toString).toList());
        assertFalse(Files.readString(out.resolve("search/index.json")).equals("{}"), "the previous site is untouched");
    }
}
