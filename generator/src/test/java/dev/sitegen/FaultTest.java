package dev.sitegen;


import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No failure loses the last good site, and every failure is a line an editor can act on, never a stack trace: a build
 * killed with SIGKILL while writing, a kill between the two renames of the swap, an output folder that cannot be
 * written, a full disk, and a source file deleted while the site is built.
 *
 * <p>The read-only and full-disk cases mount a tiny tmpfs, which needs root and a working {@code mount} (as in CI and
 * on developers' machines here); elsewhere they are skipped with a reason. Waits on a child process and on files are
 * bounded; nothing asserts on speed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FaultTest {
    @TempDir
    Path tmp;

    /** Every file of a folder by relative path, with a hash of its bytes. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try {
                    files.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return files;
    }

    static List<String> leftovers(Path parent) throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith(".old")).sorted().toList();
        }
    }

    /** A site of 20 roadmaps of 100 topics each: a few seconds of building on the two-core CI machine. */
    static Path bigSite(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("roadmaps"));
        Files.writeString(dir.resolve("site.yaml"), "title: Big\ndescription: A big site.\nbaseUrl: https://example.org/\n");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append("## Part ").append(i).append("\n\n").append(("Some text with a [link](https://example.org/" + i
                    + ") and *emphasis* and `code`. ").repeat(3)).append("\n\n");
        }
        for (int r = 0; r < 20; r++) {
            Files.createDirectories(dir.resolve("topics/r" + r));
            StringBuilder graph = new StringBuilder("title: Roadmap " + r + "\ndescription: D.\nstages:\n  - {id: s, title: S}\n  - {id: t, title: T}\nnodes:\n");
            for (int n = 0; n < 100; n++) {
                graph.append("  - {id: n").append(n).append(", title: Node ").append(n).append(", stage: ").append(n < 50 ? "s" : "t")
                        .append(n % 10 == 0 ? "" : ", requires: [n" + (n - 1) + "]").append("}\n");
                Files.writeString(dir.resolve("topics/r" + r + "/n" + n + ".md"), "---\ndescription: Topic " + n + ".\nupdated: 2026-01-01\n---\n" + body);
            }
            Files.writeString(dir.resolve("roadmaps/r" + r + ".yaml"), graph);
        }
        return dir;
    }

    /** Polls (briefly sleeping) until {@code done} holds, for at most a minute. */
    static boolean await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }

    /** True when a temporary output folder beside {@code out} has files in it. */
    static boolean writing(Path out) {
        try (Stream<Path> list = Files.list(out.getParent())) {
            for (Path temp : list.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                try (Stream<Path> inside = Files.walk(temp)) {
                    if (inside.filter(Files::isRegularFile).count() > 3) return true;
                }
            }
            return false;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // the folder went away between list and walk
        }
    }

    @Test
    void aBuildKilledWhileWritingLeavesThePreviousSiteCompleteAndTheNextBuildCleansUp() throws Exception {
        Path site = bigSite(tmp.resolve("big"));
        Path out = tmp.resolve("public/site");
        Path small = Sites.copy(Sites.fixture("minimal"), tmp.resolve("small"));
        assertTrue(Sites.build(small, out).ok());
        Map<String, String> before = snapshot(out);

        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process build = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.sitegen.cli.Main", "build",
                site.toString(), "--out", out.toString(), "--no-cache")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
        try {
            assertTrue(await(() -> writing(out) || !build.isAlive()), "the build never started writing");
            assertTrue(build.isAlive(), "the build finished before it could be killed: " + Files.readString(tmp.resolve("build.log")));
            build.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertTrue(build.waitFor(1, TimeUnit.MINUTES));
        } finally {
            build.destroyForcibly();
        }
        assertEquals(137, build.exitValue(), "killed by SIGKILL");
        assertEquals(1, leftovers(out.getParent()).size(), "the unfinished output is left beside the site: " + leftovers(out.getParent()));
        assertEquals(before, snapshot(out), "the previous site, byte for byte");

        BuildResult next = Sites.build(site, out);
        assertTrue(next.ok(), Sites.lines(next).toString());
        assertEquals(2043, next.pages());
        assertEquals(List.of(), leftovers(out.getParent()), "the next build removed what the killed one left");
    }

    /**
     * The swap is two renames (site to .old, new to site). Killed between them, there is no site folder for a moment;
     * the next build puts the previous site back before anything else, so even a build that then fails leaves it.
     */
    @Test
    void aKillBetweenTheTwoRenamesIsRepairedByTheNextBuild() throws Exception {
        Path out = tmp.resolve("public/site");
        assertTrue(Sites.build(Sites.fixture("minimal"), out).ok());
        Map<String, String> before = snapshot(out);
        Files.move(out, out.resolveSibling(".site.0000018f00000000.old"));
        Files.createDirectories(out.resolveSibling(".site.123.tmp/web"));

        BuildResult failed = Sites.build(Sites.fixture("template-error"), out);
        assertFalse(failed.ok());
        assertEquals(before, snapshot(out));
        assertEquals(List.of(), leftovers(out.getParent()));
    }

    /** Root ignores file permissions, so the output's parent is a regular file here: nothing can be created below it. */
    @Test
    void anOutputFolderThatCannotBeCreatedIsOneClearLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Path out = file.resolve("site");
        List<String> err = new ArrayList<>();
        int code = main(err, "build", Sites.fixture("minimal").toString(), "--out", out.toString());
        assertEquals(1, code);
        assertEquals(List.of(out + ": cannot write the site: " + file + " is a file, not a folder",
                "Build failed: 1 problem; " + out + " was left as it was"), err);
    }

    @Test
    void aReadOnlyFileSystemIsOneClearLine() throws Exception {
        Path mount = mountTmpfs("ro,size=256k");
        try {
            Path out = mount.resolve("site");
            List<String> err = new ArrayList<>();
            assertEquals(1, main(err, "build", Sites.fixture("minimal").toString(), "--out", out.toString()));
            assertEquals(2, err.size(), err.toString());
            assertTrue(err.get(0).startsWith(out + ": cannot write the site: ") && err.get(0).endsWith(": Read-only file system"), err.get(0));
        } finally {
            unmount(mount);
        }
    }

    @Test
    void aFullDiskFailsTheBuildWithOneLineAndKeepsThePreviousSite() throws Exception {
        Path mount = mountTmpfs("size=1m");
        try {
            Path out = mount.resolve("site");
            assertTrue(Sites.build(Sites.fixture("minimal"), out).ok());
            Map<String, String> before = snapshot(out);
            Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("bigger"));
            // Larger than the whole disk, so it is this file that does not fit whatever the pages weigh.
            byte[] video = new byte[1200 * 1024];
            new java.util.Random(1).nextBytes(video);
            Files.write(site.resolve("static/img/video.bin"), video);

            List<String> err = new ArrayList<>();
            assertEquals(1, main(err, "build", site.toString(), "--out", out.toString()));
            assertEquals(List.of(out + ": cannot write the site: cannot write img/video.bin: No space left on device",
                    "Build failed: 1 problem; " + out + " was left as it was"), err);
            assertEquals(before, snapshot(out));
            assertEquals(List.of(), leftovers(mount), "the unfinished output was removed, freeing the space");
        } finally {
            unmount(mount);
        }
    }

    /**
     * Pages are rendered from what was read at the start; static files are copied at the end. One deleted in between is
     * reported at its own path, and the previous site stays.
     */
    @Test
    void aSourceFileDeletedDuringTheBuildIsReportedAtThatFile() throws Exception {
        Path site = bigSite(tmp.resolve("big"));
        Path video = Files.write(Files.createDirectories(site.resolve("static")).resolve("video.bin"), new byte[1024]);
        Path out = tmp.resolve("public/site");
        assertTrue(Sites.build(Sites.fixture("minimal"), out).ok());
        Map<String, String> before = snapshot(out);

        Thread deleter = new Thread(() -> {
            try {
                if (await(() -> writing(out))) Files.delete(video);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        deleter.start();
        BuildResult result = new SiteGenerator().build(new BuildRequest(site, out, null, false));
        deleter.join();
        assertEquals(List.of("static/video.bin: file disappeared during the build (deleted or renamed); build again"), Sites.lines(result));
        assertEquals(before, snapshot(out));
        assertEquals(List.of(), leftovers(out.getParent()));
    }

    /** Runs the command line; returns its exit code and puts what it printed to stderr, line by line, into {@code err}. */
    private static int main(List<String> err, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        bytes.toString(StandardCharsets.UTF_8).lines().forEach(err::add);
        assertTrue(err.stream().noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ")), "no stack trace: " + err);
        return code;
    }

    /** Mounts a tmpfs in a new folder, or skips the test when this machine cannot (not root, or no mount). */
    private Path mountTmpfs(String options) throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path dir = Files.createDirectories(tmp.resolve("mnt-" + System.nanoTime()));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()).redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(mount.waitFor() == 0, "mount -t tmpfs did not work here: " + output);
        return dir;
    }

    private static void unmount(Path dir) throws IOException, InterruptedException {
        new ProcessBuilder("umount", dir.toString()).inheritIO().start().waitFor();
    }
}
