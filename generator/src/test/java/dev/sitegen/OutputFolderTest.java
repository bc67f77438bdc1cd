package dev.sitegen;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.output.OutputFolder;
import dev.sitegen.serve.Serve;
import dev.sitegen.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build replaces only a folder it made. Before, {@code --out ~/Documents} returned 0 and left the folder holding only
 * the site; {@code build link/content --out project} (with {@code link -> project}) deleted the sources, because the
 * containment check compared paths as text; the cache was a dotfile beside the output ({@code --out /var/www/html} left
 * {@code /var/www/.html.cache}); and two builds into one folder could remove each other's temporary folders.
 */
class OutputFolderTest {
    @TempDir
    Path tmp;

    private Path site() {
        return Sites.copy(Sites.fixture("minimal"), tmp.resolve("site"));
    }

    private static BuildResult build(Path site, Path out, boolean force) {
        return new SiteGenerator().build(new BuildRequest(site, out).withForce(force));
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return Set.copyOf(walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList());
        }
    }

    @Test
    void aFolderSiteGenDidNotMakeIsNeverReplaced() throws IOException {
        Path site = site();
        Path documents = tmp.resolve("Documents");
        Files.createDirectories(documents.resolve("taxes"));
        Files.writeString(documents.resolve("taxes/2025.txt"), "mine");
        Files.writeString(documents.resolve("letter.txt"), "also mine");

        BuildResult result = build(site, documents, false);

        assertFalse(result.ok());
        String line = Sites.lines(result).get(0);
        assertTrue(line.contains("is not empty and site-gen did not make it (it has no .site-gen file)"), line);
        assertTrue(line.contains("--force (Maven: -Dsite-gen.overwrite=true)"), line);
        assertEquals(Set.of("taxes/2025.txt", "letter.txt"), files(documents), "the user's files are untouched");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("Documents", "site"), left.map(p -> p.getFileName().toString()).sorted().toList(), "nothing written beside it");
        }
    }

    @Test
    void forceReplacesItAndTheSiteIsMarked() throws IOException {
        Path site = site();
        Path out = tmp.resolve("old-site");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale.html"), "from another tool");

        assertTrue(build(site, out, true).ok());

        assertFalse(Files.exists(out.resolve("stale.html")));
        assertTrue(Files.isRegularFile(out.resolve(OutputFolder.MARKER)));
        assertTrue(Files.readString(out.resolve(OutputFolder.MARKER)).contains("made by site-gen"));
        // From now on the folder is ours: no --force needed.
        Files.writeString(site.resolve("guides/start.md"), Files.readString(site.resolve("guides/start.md")) + "\nMore.\n");
        assertTrue(build(site, out, false).ok());
    }

    @Test
    void foldersBesideTheOutputAreLeftAloneUnlessTheyAreAKilledBuildsLeftovers() throws IOException {
        Path site = site();
        Path out = tmp.resolve("out");
        Path backup = Files.createDirectories(tmp.resolve(".out.backup.old"));
        Files.writeString(backup.resolve("keep.txt"), "a user's");
        Path mine = Files.createDirectories(tmp.resolve(".out.notes.tmp"));
        Path leftover = Files.createDirectories(tmp.resolve(".out.12345.tmp"));
        assertTrue(build(site, out, false).ok());
        assertTrue(Files.isRegularFile(backup.resolve("keep.txt")));
        assertTrue(Files.isDirectory(mine));
        assertFalse(Files.exists(leftover), "a killed build's temporary folder is cleaned up");
    }

    @Test
    void anEmptyOrMissingFolderJustWorks() throws IOException {
        Path site = site();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(build(site, empty, false).ok());
        assertTrue(Files.isRegularFile(empty.resolve(OutputFolder.MARKER)));
        Path missing = tmp.resolve("a/b/out");
        assertTrue(build(site, missing, false).ok());
        assertTrue(Files.isRegularFile(missing.resolve("index.html")));
    }

    @Test
    void aRemovedMarkerMakesTheFolderSomeoneElsesAgain() throws IOException {
        Path site = site();
        Path out = tmp.resolve("out");
        assertTrue(build(site, out, false).ok());
        Files.delete(out.resolve(OutputFolder.MARKER));
        assertFalse(build(site, out, false).ok());
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "left as it was");
    }

    @Test
    void aLinkCannotHideTheSiteFolderInsideTheOutput() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path site = Sites.copy(Sites.fixture("minimal"), project.resolve("content"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), project);
        // Even with --force: replacing the output would delete the sources.
        BuildResult result = build(link.resolve("content"), project, true);
        assertFalse(result.ok());
        assertTrue(Sites.lines(result).get(0).contains("the output folder contains the site folder"), Sites.lines(result).toString());
        assertTrue(Files.isRegularFile(site.resolve("site.yaml")), "the sources are still there");

        // And the other way round: an output reached through a link into the site folder.
        Path into = Files.createSymbolicLink(tmp.resolve("into"), site);
        BuildResult inside = build(site, into.resolve("out"), true);
        assertFalse(inside.ok());
        assertTrue(Sites.lines(inside).get(0).contains("inside the site folder"), Sites.lines(inside).toString());
    }

    @Test
    void anOutputThatIsALinkIsBuiltWhereItPoints() throws IOException {
        Path site = site();
        Path real = Files.createDirectories(tmp.resolve("www/real"));
        Path link = Files.createSymbolicLink(tmp.resolve("current"), real);
        assertTrue(build(site, link, false).ok());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.isRegularFile(real.resolve("index.html")));
    }

    @Test
    void theHomeTheProjectAndTheRootAreRefusedEvenWithForce() throws IOException {
        Path site = site();
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        BuildResult result = new SiteGenerator().build(new BuildRequest(site, project).withProjectDir(project).withForce(true));
        assertFalse(result.ok());
        assertTrue(Sites.lines(result).get(0).contains("is the project folder"), Sites.lines(result).toString());
        BuildResult parent = new SiteGenerator().build(new BuildRequest(site, tmp).withProjectDir(project).withForce(true));
        assertFalse(parent.ok());
        assertTrue(Files.isRegularFile(project.resolve("pom.xml")));

        Path home = Files.createDirectories(tmp.resolve("home/me"));
        String before = System.getProperty("user.home");
        try {
            System.setProperty("user.home", home.toString());
            BuildResult atHome = new SiteGenerator().build(new BuildRequest(site, home).withForce(true));
            assertFalse(atHome.ok());
            assertTrue(Sites.lines(atHome).get(0).contains("is your home folder"), Sites.lines(atHome).toString());
            assertFalse(new SiteGenerator().build(new BuildRequest(site, home.getParent()).withForce(true)).ok(), "nor what holds it");
        } finally {
            System.setProperty("user.home", before);
        }

        BuildResult root = new SiteGenerator().build(new BuildRequest(site, Path.of("/")).withForce(true));
        assertFalse(root.ok());
        assertTrue(Sites.lines(root).get(0).contains("file-system root"), Sites.lines(root).toString());
    }

    @Test
    void theCacheIsNotWrittenBesideTheOutput() throws IOException {
        Path site = site();
        Path www = Files.createDirectories(tmp.resolve("var/www"));
        Path cacheDir = tmp.resolve("cache");
        BuildRequest request = new BuildRequest(site, www.resolve("html")).withCacheDir(cacheDir);
        assertTrue(new SiteGenerator().build(request).ok());
        assertTrue(new SiteGenerator().build(request).ok(), "a second build, which reads the cache");
        try (Stream<Path> beside = Files.list(www)) {
            assertEquals(List.of("html"), beside.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.isRegularFile(request.cacheFile()), "the cache is in the cache folder: " + request.cacheFile());
        assertTrue(request.cacheFile().startsWith(cacheDir));
    }

    @Test
    void serveRefusesAFolderItDidNotMakeAndServesNothing() throws IOException {
        Path site = site();
        Path documents = Files.createDirectories(tmp.resolve("Documents"));
        Files.writeString(documents.resolve("diary.txt"), "private");
        try (Serve serve = new Serve(site, documents, "127.0.0.1", 0, new PrintStream(new ByteArrayOutputStream()))) {
            IOException refused = assertThrows(IOException.class, serve::start);
            assertTrue(refused.getMessage().contains("site-gen did not make it"), refused.getMessage());
        }
        assertEquals(Set.of("diary.txt"), files(documents));
    }

    @Test
    void buildsIntoOneFolderTakeTurns() throws Exception {
        Path site = site();
        Path out = tmp.resolve("out");
        assertTrue(build(site, out, false).ok());
        Set<String> expected = files(out);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<BuildResult>> runs = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                boolean cached = i % 2 == 0;
                runs.add(pool.submit(() -> new SiteGenerator().build(new BuildRequest(site, out, null, cached))));
            }
            for (Future<BuildResult> run : runs) {
                BuildResult result = run.get(10, TimeUnit.MINUTES);
                assertTrue(result.ok(), Sites.lines(result).toString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(expected, files(out), "every file of the site, and nothing else");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("out", "site"), left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary folder left");
        }
    }

    @Test
    void aBuildInAnotherProcessWaitsForTheLock() throws Exception {
        Path site = site();
        Path out = tmp.resolve("out");
        BuildRequest request = new BuildRequest(site, out);
        Process child;
        ByteArrayOutputStream childErr = new ByteArrayOutputStream();
        try (OutputFolder.Held held = OutputFolder.lock(OutputFolder.real(out), request.lockFile(), m -> { })) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dsite-gen.cacheDir=" + request.cacheDir(),
                    Main.class.getName(), "build", site.toString(), "--out", out.toString());
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            child = builder.start();
            Thread drain = new Thread(() -> {
                try {
                    child.getErrorStream().transferTo(childErr);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            drain.start();
            // No clock in the assertion: the child says it waits, and it cannot have written anything while we hold the lock.
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!childErr.toString(StandardCharsets.UTF_8).contains("waiting for another build into") && System.nanoTime() < until) {
                assertTrue(child.isAlive(), "the child ended instead of waiting: " + childErr);
                Thread.sleep(50);
            }
            assertTrue(childErr.toString(StandardCharsets.UTF_8).contains("waiting for another build into " + OutputFolder.real(out)), childErr.toString());
            assertFalse(Files.exists(out), "nothing written while the lock is held");
        }
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child finishes once the lock is free");
        assertEquals(0, child.exitValue(), childErr.toString());
        assertNotNull(Files.readString(out.resolve(OutputFolder.MARKER)));
    }
}
