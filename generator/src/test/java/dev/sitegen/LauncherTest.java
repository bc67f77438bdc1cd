package dev.sitegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./site-gen} launcher, run as a user runs it, with a stand-in jar that prints its arguments and exits with
 * the code it is given: the first build saves a class-data archive in the cache folder, later runs use it, and every
 * run's output and exit code are the jar's own.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("../site-gen").toAbsolutePath().normalize();

    record Run(int exit, String output) {}

    @Test
    void firstBuildSavesTheClassesAndEveryRunKeepsTheJarsOutputAndExitCode(@TempDir Path tmp) throws Exception {
        Path jar = standInJar(tmp);
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("SITE_GEN_JAR", jar.toString(), "XDG_CACHE_HOME", cache.toString());

        assertEquals(new Run(0, "ran [serve, 0]\n"), run(env, "serve", "0"));
        assertEquals(List.of(), archives(cache), "only a build makes the archive");

        assertEquals(new Run(3, "ran [build, 3]\n"), run(env, "build", "3"));
        List<String> made = archives(cache);
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).matches("classes-\\d+\\.jsa"), made.toString());

        assertEquals(new Run(0, "ran [build, 0]\n"), run(env, "build", "0"));
        assertEquals(new Run(2, "ran [check, 2]\n"), run(env, "check", "2"));
        assertEquals(made, archives(cache), "later runs use the archive; nothing half-written is left");
    }

    @Test
    void javaOptionsAddToTheLaunchersSettings(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("SITE_GEN_JAR", standInJar(tmp).toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString(),
                "SITE_GEN_JAVA_OPTS", "-Xmx300m -Dsite-gen.test=yes");
        Run run = run(env, "build", "0", "jvm");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("-XX:Tier4InvocationThreshold=50000"), "the launcher's settings stay: " + run.output());
        assertTrue(run.output().contains("site-gen.test=yes"), run.output());
        java.util.regex.Matcher heap = java.util.regex.Pattern.compile("max heap MB (\\d+)").matcher(run.output());
        assertTrue(heap.find() && Integer.parseInt(heap.group(1)) <= 300, "a later -Xmx wins: " + run.output());
    }

    @Test
    void aBuildsHeapStartsAtItsWholeSizeUnlessAHeapSizeIsGiven(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("SITE_GEN_JAR", standInJar(tmp).toString(), "SITE_GEN_CDS", "0");
        assertTrue(run(env, "build", "0", "jvm").output().contains("-Xms768m"));
        assertFalse(run(env, "serve", "0", "jvm").output().contains("-Xms768m"), "the dev server's heap grows as it needs");
        for (String given : List.of("-Xmx300m", "-Xms64m")) {
            Run run = run(Map.of("SITE_GEN_JAR", env.get("SITE_GEN_JAR"), "SITE_GEN_CDS", "0", "SITE_GEN_JAVA_OPTS", given), "build", "0", "jvm");
            assertEquals(0, run.exit(), "a smaller heap than ours starts: " + run.output());
            assertFalse(run.output().contains("-Xms768m"), run.output());
        }
    }

    @Test
    void buildsUseTheThroughputCollectorAndTheDevServerKeepsG1(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("SITE_GEN_JAR", standInJar(tmp).toString(), "SITE_GEN_CDS", "0");
        assertTrue(run(env, "build", "0", "jvm").output().contains("-XX:+UseParallelGC"));
        assertFalse(run(env, "serve", "0", "jvm").output().contains("-XX:+UseParallelGC"));
        Run chosen = run(Map.of("SITE_GEN_JAR", env.get("SITE_GEN_JAR"), "SITE_GEN_CDS", "0", "SITE_GEN_JAVA_OPTS", "-XX:+UseSerialGC"), "build", "0", "jvm");
        assertEquals(0, chosen.exit(), "a collector in SITE_GEN_JAVA_OPTS replaces ours: " + chosen.output());
        assertFalse(chosen.output().contains("-XX:+UseParallelGC"), chosen.output());
    }

    @Test
    void buildsRunWithC1AloneAndTheDevServerKeepsC2(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("SITE_GEN_JAR", standInJar(tmp).toString(), "SITE_GEN_CDS", "0");
        String c1 = "-XX:TieredStopAtLevel=1";
        String build = run(env, "build", "content", "0", "jvm").output();
        assertTrue(build.contains(c1), build);
        assertTrue(build.contains("-XX:Tier3InvocationThreshold=40"), "C1 alone compiles sooner: " + build);
        assertFalse(run(env, "serve", "content", "0", "jvm").output().contains(c1), "the dev server runs for long");
    }

    @Test
    void sharingCanBeTurnedOff(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("SITE_GEN_JAR", standInJar(tmp).toString(), "XDG_CACHE_HOME", cache.toString(), "SITE_GEN_CDS", "0");
        assertEquals(new Run(0, "ran [build, 0]\n"), run(env, "build", "0"));
        assertEquals(List.of(), archives(cache));
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of("sh", LAUNCHER.toString()), Stream.of(args)).toList());
        pb.environment().remove("SITE_GEN_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), output);
    }

    private static List<String> archives(Path cache) throws IOException {
        Path dir = cache.resolve("site-gen");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A jar whose main prints "ran [args]" (last argument "jvm": also its JVM options and heap) and exits with the first number. */
    private static Path standInJar(Path tmp) throws IOException {
        Path src = Files.writeString(Files.createDirectories(tmp.resolve("src")).resolve("StandIn.java"),
                "public class StandIn { public static void main(String[] a) {"
                        + " System.out.println(\"ran \" + java.util.Arrays.toString(a));"
                        + " if (a[a.length - 1].equals(\"jvm\")) System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()"
                        + " + \" site-gen.test=\" + System.getProperty(\"site-gen.test\")"
                        + " + \" max heap MB \" + Math.round(Runtime.getRuntime().maxMemory() / 1048576.0));"
                        + " for (String x : a) if (x.matches(\"\\\\d+\")) System.exit(Integer.parseInt(x)); } }");
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, compiled);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
        Path jar = tmp.resolve("stand-in.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("StandIn.class"));
            out.write(Files.readAllBytes(classes.resolve("StandIn.class")));
            out.closeEntry();
        }
        return jar;
    }
}
