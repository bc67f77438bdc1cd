package dev.sitegen;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter site (resources site-gen/starter/, which init copies out and the archetype ships as content/) builds and
 * checks with no problem and no warning, and its files.txt lists exactly its files: code reading it from a jar, where
 * a folder cannot be listed, gets every file.
 */
class StarterSiteTest {
    static final Path STARTER = Path.of("src", "main", "resources", "site-gen", "starter");

    @TempDir
    Path tmp;

    @Test
    void filesTxtListsEveryStarterFileSorted() throws IOException {
        List<String> listed = Files.readAllLines(STARTER.resolve("files.txt"));
        List<String> present;
        try (Stream<Path> files = Files.walk(STARTER)) {
            present = files.filter(Files::isRegularFile)
                    .map(p -> STARTER.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("files.txt"))
                    .sorted()
                    .toList();
        }
        assertEquals(present, listed);
    }

    @Test
    void buildsWithNoProblemAndNoWarning() {
        Path out = tmp.resolve("site");
        BuildResult result = Sites.build(STARTER, out);
        assertEquals(List.of(), Sites.lines(result));
        Document roadmap = Sites.page(out, "git/");
        assertEquals(List.of("First steps", "Working with your team", "Going further"), roadmap.select(".outline h3").eachText());
        assertEquals(8, roadmap.select("svg.diagram a.node").size());
        assertTrue(Files.isRegularFile(out.resolve("guides/your-first-week-with-git/index.html")));
    }

    @Test
    void checksWithNoProblemAndNoWarning() {
        BuildResult result = new SiteGenerator().check(new BuildRequest(STARTER, tmp.resolve("out")), null, false);
        assertEquals(List.of(), Sites.lines(result));
    }
}
