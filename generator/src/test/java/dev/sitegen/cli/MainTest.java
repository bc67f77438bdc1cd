package dev.sitegen.cli;

import dev.sitegen.Sites;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: exit codes, problems on stderr with paths as the user named them. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void buildsASite(@TempDir Path tmp) {
        assertEquals(0, run("build", Sites.fixture("minimal").toString(), "--out", tmp.resolve("site").toString()));
        assertTrue(out.toString().startsWith("Built 10 pages (1 roadmap) in "), out.toString());
        assertTrue(Files.exists(tmp.resolve("site/index.html")));
    }

    @Test
    void brokenSiteExitsWithOneAndPrintsProblemsRelativeToTheGivenFolder(@TempDir Path tmp) {
        assertEquals(1, run("build", Sites.fixture("broken-links").toString(), "--out", tmp.resolve("site").toString()));
        String first = err.toString().lines().findFirst().orElseThrow();
        assertEquals("src/test/resources/sites/broken-links/topics/web/a.md:5:9: link to missing page 'topics/web/bb.md' (did you mean 'topics/web/b.md'?)", first);
        assertTrue(err.toString().contains("Build failed: 5 problems"));
        assertTrue(!err.toString().contains("Exception"));
    }

    @Test
    void anOutputFolderHoldingTheProjectDirIsRefused(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        assertEquals(1, run("build", Sites.fixture("minimal").toString(), "--out", tmp.toString(), "--force", "--project-dir", project.toString()));
        assertTrue(err.toString().contains("contains the project folder " + project.toRealPath()), err.toString());
        assertTrue(Files.exists(project), "nothing was replaced");
    }

    @Test
    void aMissingSiteFolderIsNamedAsTheUserGaveIt(@TempDir Path tmp) {
        assertEquals(1, run("build", "no-such-site", "--out", tmp.resolve("site").toString()));
        assertEquals("no-such-site: site folder not found; start a site there with init (mvn site-gen:init, or site-gen init)", err.toString().lines().findFirst().orElseThrow());
    }

    @Test
    void runningOutOfMemoryExitsWithThreeAndSaysHowToGiveMore(@TempDir Path tmp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx8m", "-cp", System.getProperty("java.class.path"), "dev.sitegen.cli.Main",
                "build", Sites.fixture("minimal").toString(), "--out", tmp.resolve("site").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor(), output);
        assertTrue(output.contains("site-gen: out of memory: this Java may use at most "), output);
        assertTrue(output.contains("SITE_GEN_JAVA_OPTS=-Xmx2g"), output);
        assertTrue(!output.contains("Exception") && !output.contains("\tat "), output);
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("bake"));
        assertEquals(2, run("build", "--out"));
        assertEquals(0, run("--help"));
    }
}
