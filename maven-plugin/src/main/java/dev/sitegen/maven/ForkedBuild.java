package dev.sitegen.maven;

import org.apache.maven.plugin.logging.Log;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A build in a Java of its own, started the way {@code ./site-gen build} starts one: the launcher's JVM settings and the
 * plugin's jars as the class path, e.g.
 * {@code java -Xms768m ... -cp site-gen-generator.jar:... dev.sitegen.cli.Main build content --out target/site-gen}.
 */
final class ForkedBuild {
    /** The launcher's settings for a build, explained in {@code ./site-gen}; ForkedBuildTest checks that they are its own. */
    static final List<String> OPTIONS = List.of("-Xms768m", "-Xmx768m", "-XX:+UseParallelGC",
            "-XX:TieredStopAtLevel=1", "-XX:Tier3InvocationThreshold=40", "-XX:Tier3MinInvocationThreshold=20",
            "-XX:Tier3CompileThreshold=400", "-XX:Tier3BackEdgeThreshold=8000",
            "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000",
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    /** A problem line as the command line prints it: {@code path:line:col: message}, warnings with {@code warning: }. */
    private static final Pattern PROBLEM = Pattern.compile(".*:\\d+:\\d+: .*");
    private static final Pattern WARNING = Pattern.compile(".*:\\d+:\\d+: warning: .*");

    /** How the child ended: its exit code (as {@code Main}'s) and the error lines it printed. */
    record Result(int exit, int errors) {}

    private ForkedBuild() {}

    /**
     * The JVM options: ours, then {@code extra} (SITE_GEN_JAVA_OPTS, as the launcher adds it). A heap size there
     * leaves the heap to grow from the JVM's start, and a collector there replaces ours, as in the launcher.
     */
    static List<String> options(String extra) {
        List<String> options = new ArrayList<>(OPTIONS);
        String given = extra == null ? "" : extra.trim();
        if (given.matches(".*-Xm[sx].*")) options.remove("-Xms768m");
        if (given.contains("GC")) options.remove("-XX:+UseParallelGC");
        if (!given.isEmpty()) options.addAll(Arrays.asList(given.split("\\s+")));
        return options;
    }

    /**
     * Runs {@code dev.sitegen.cli.Main} with {@code args} in {@code dir}, relaying its output to {@code log}: standard
     * error as errors, warnings as warnings and the rest as info, the levels the goal gives a build it runs itself.
     * No class-data archive, unlike the launcher: the plugin's class path holds signed jars (ELK's, EMF's), and
     * OpenJDK 17.0.15 crashes writing an archive for it (SIGSEGV in {@code adjust_lambda_proxy_class_dictionary},
     * dynamic and static dumps alike; the launcher's jar has no signatures). The archive saved the launcher 0.2 s on
     * the example site and was lost in the noise at 10,000 pages.
     */
    static Result run(Path java, List<Path> classpath, List<String> options, List<String> args, Path dir, Log log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add("dev.sitegen.cli.Main");
        command.addAll(args);
        return run(command, dir, log);
    }

    /** Runs {@code command} in {@code dir}; the child is stopped if Maven is interrupted or ends first. */
    static Result run(List<String> command, Path dir, Log log) throws IOException, InterruptedException {
        log.debug("site-gen: running " + String.join(" ", command));
        Process child = new ProcessBuilder(command).directory(dir.toFile()).start();
        Thread stop = new Thread(child::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            child.getOutputStream().close();
            Charset charset = Charset.defaultCharset();
            AtomicInteger errors = new AtomicInteger();
            // Read by threads of their own, so that this one waits where an interrupt reaches it.
            Thread out = relay(child.getInputStream(), charset, line -> {
                if (WARNING.matcher(line).matches()) log.warn(line);
                else log.info(line);
            });
            Thread err = relay(child.getErrorStream(), charset, line -> {
                if (PROBLEM.matcher(line).matches()) errors.incrementAndGet();
                log.error(line);
            });
            int exit = child.waitFor();
            out.join();
            err.join();
            return new Result(exit, errors.get());
        } finally {
            if (child.isAlive()) child.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // Maven is exiting: the hook stops the child.
            }
        }
    }

    private static Thread relay(InputStream stream, Charset charset, Consumer<String> to) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, charset))) {
                for (String line; (line = lines.readLine()) != null; ) to.accept(line);
            } catch (IOException e) {
                // The child was stopped: its output ends here.
            }
        }, "site-gen build output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
