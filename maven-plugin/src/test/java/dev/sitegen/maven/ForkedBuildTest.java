package dev.sitegen.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build goal's own Java: started with the settings {@code ./site-gen build} uses, its lines relayed to Maven's log
 * at the levels of a build in Maven's Java, and stopped when Maven is interrupted.
 */
class ForkedBuildTest {
    private static final Path LAUNCHER = Path.of("../site-gen").toAbsolutePath().normalize();

    @Test
    void theForkedJavaGetsTheLaunchersSettingsForABuild(@TempDir Path tmp) throws Exception {
        assertEquals(launcherOptions(tmp, null), ForkedBuild.options(null));
        String given = "-Xmx300m -XX:+UseSerialGC -Dsite-gen.timing=true";
        assertEquals(launcherOptions(tmp, given), ForkedBuild.options(given), "SITE_GEN_JAVA_OPTS is taken as the launcher takes it");
    }

    @Test
    void warningsAndErrorsReachTheLogAtTheirLevelsAndErrorsAreCounted(@TempDir Path tmp) throws Exception {
        Recorded log = new Recorded();
        ForkedBuild.Result result = ForkedBuild.run(List.of("sh", "-c",
                "echo 'content/topics/a.md:3:1: warning: orphan topic'; echo 'content/roadmaps/b.yaml:12:12: unknown stage' >&2;"
                        + " echo 'Build failed: 1 problem, 1 warnings; out was left as it was' >&2; exit 1"), tmp, log);
        assertEquals(new ForkedBuild.Result(1, 1), result);
        assertEquals(List.of("[WARNING] content/topics/a.md:3:1: warning: orphan topic",
                "[ERROR] content/roadmaps/b.yaml:12:12: unknown stage",
                "[ERROR] Build failed: 1 problem, 1 warnings; out was left as it was"), log.lines.stream().sorted(ForkedBuildTest::byLevel).toList());
    }

    @Test
    void anInterruptedGoalStopsTheForkedJava(@TempDir Path tmp) throws Exception {
        Path pid = tmp.resolve("pid");
        Thread goal = new Thread(() -> {
            try {
                ForkedBuild.run(List.of("sh", "-c", "echo $$ > pid.part && mv pid.part pid && exec sleep 60"), tmp, new Recorded());
            } catch (IOException | InterruptedException e) {
                // expected: the goal was interrupted
            }
        });
        goal.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(pid) && System.nanoTime() < deadline) Thread.sleep(10);
        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).orElseThrow();
        goal.interrupt();
        goal.join(Duration.ofSeconds(20).toMillis());
        assertFalse(goal.isAlive());
        child.onExit().get();
        assertFalse(child.isAlive(), "the child was stopped");
    }

    /** The JVM options ./site-gen passes for a build, read from a stand-in java that prints its arguments. */
    private static List<String> launcherOptions(Path tmp, String javaOpts) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(tmp.resolve("java/bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.writeString(tmp.resolve("site-gen.jar"), "");
        ProcessBuilder pb = new ProcessBuilder("sh", LAUNCHER.toString(), "build", "content").redirectErrorStream(true);
        pb.environment().remove("SITE_GEN_JAVA_OPTS");
        pb.environment().putAll(Map.of("JAVA_HOME", tmp.resolve("java").toString(), "SITE_GEN_JAR", jar.toString(), "SITE_GEN_CDS", "0"));
        if (javaOpts != null) pb.environment().put("SITE_GEN_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), line);
        List<String> words = Arrays.asList(line.split("\\s+"));
        assertTrue(words.contains("-jar"), line);
        return words.subList(0, words.indexOf("-jar"));
    }

    /** Warnings first, then errors, each in the order logged: the two streams are read by two threads. */
    private static int byLevel(String a, String b) {
        return Boolean.compare(a.startsWith("[ERROR]"), b.startsWith("[ERROR]"));
    }

    private static final class Recorded extends SystemStreamLog {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override public void info(CharSequence s) { lines.add("[INFO] " + s); }
        @Override public void warn(CharSequence s) { lines.add("[WARNING] " + s); }
        @Override public void error(CharSequence s) { lines.add("[ERROR] " + s); }
    }
}
