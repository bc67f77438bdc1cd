package dev.sitegen.serve;

import dev.sitegen.SiteGenerator;
import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.problem.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The editor's loop: build the site once, serve it, and on every change rebuild what the change affects (unchanged
 * pages stay as they are on disk), then tell open pages to reload, or show them the problems over the last good page.
 * The site is built for this server's own address, into its own folder, so a production build is never disturbed.
 */
public final class Serve implements AutoCloseable {
    /** What a rebuild did: the build's result and how long from the change to the event sent. */
    public record Rebuild(BuildResult result, long millis) {}

    private final Path siteDir;
    private final Path outputDir;
    private final PrintStream log;
    private final DevServer server;
    private final SiteGenerator generator = new SiteGenerator();
    private Watcher watcher;
    private Consumer<Rebuild> listener = r -> { };
    private boolean broken;
    private final AtomicLong indexes = new AtomicLong();
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "site-gen-index");
        t.setDaemon(true);
        return t;
    });

    public Serve(Path siteDir, Path outputDir, String host, int port, PrintStream log) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.log = log;
        this.server = new DevServer(this.outputDir, new InetSocketAddress(InetAddress.getByName(host), port));
        // Pages link to the address a browser uses; "all interfaces" is not one.
        String h = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        this.urlHost = h.contains(":") ? "[" + h + "]" : h;
    }

    private final String urlHost;

    private boolean force;

    /** Where a build's problems go, by severity: a log with levels (Maven's) shows them as errors and warnings. */
    public interface ProblemLog {
        void error(String line);

        void warn(String line);
    }

    private volatile ProblemLog problems;

    /** Sends each build's problems and a failed build's summary to {@code problems} instead of the progress log. */
    public void problems(ProblemLog problems) {
        this.problems = problems;
    }

    /** Lets the first build replace an output folder that site-gen did not make (the user said so). */
    public void force(boolean on) {
        this.force = on;
    }

    /** Called after each rebuild; tests wait on it instead of sleeping. */
    public void onRebuild(Consumer<Rebuild> listener) {
        this.listener = listener;
    }

    /** Builds, starts serving and watching; returns the first build's result (a broken site is served as far as it was). */
    public BuildResult start() throws IOException {
        // A folder that is not ours is neither replaced nor served: it may hold anything of the user's.
        String refusal = SiteGenerator.outputRefusal(request(BuildRequest.Write.SWAP));
        if (refusal != null) throw new IOException(refusal);
        BuildResult first = generator.build(request(BuildRequest.Write.SWAP));
        report(first);
        broken = !first.ok();
        server.start();
        if (broken) server.send("problems", json(first));
        watcher = new Watcher(siteDir, Duration.ofMillis(40), this::changed);
        watcher.start();
        return first;
    }

    public String url() {
        return "http://" + urlHost + ":" + server.port() + "/";
    }

    public int port() {
        return server.port();
    }

    /** How many pages are listening for reload events. */
    public int listeners() {
        return server.listeners();
    }

    private BuildRequest request(BuildRequest.Write write) {
        return new BuildRequest(siteDir, outputDir, url(), true, write).withForce(force).withDrafts(true);
    }

    /** Rebuilds now, as a change would; public for tests and for a manual rebuild. */
    public synchronized Rebuild rebuild() {
        long start = System.nanoTime();
        BuildResult result = generator.build(request(BuildRequest.Write.IN_PLACE));
        if (!result.ok()) {
            server.send("problems", json(result));
            broken = true;
        } else if (broken || !result.changed().isEmpty()) {
            server.send("reload", String.valueOf(result.changed().size()));
            broken = false;
        }
        Rebuild rebuild = new Rebuild(result, (System.nanoTime() - start) / 1_000_000);
        // The search index is written on its own thread: the next save need not wait for it, and when saves come
        // faster than indexes, only the newest is written.
        if (result.ok()) {
            long generation = indexes.incrementAndGet();
            indexer.execute(() -> {
                if (generation == indexes.get()) generator.writePendingIndex();
            });
        }
        report(result);
        log.println("  " + (result.ok() ? "rebuilt " + result.changed().size() + " files" : "waiting for a fix") + " in " + rebuild.millis() + " ms");
        listener.accept(rebuild);
        return rebuild;
    }

    private void changed(Set<Path> files) {
        rebuild();
    }

    private void report(BuildResult result) {
        ProblemLog to = problems;
        for (Problem p : result.problems()) {
            String line = p.toString(siteDir.getFileName());
            if (to == null) log.println(line);
            else if (p.isError()) to.error(line);
            else to.warn(line);
        }
        if (result.ok()) {
            log.println(result.summary());
        } else {
            String failed = "Build failed: " + BuildResult.count(result.errors().size(), "problem") + " (shown in the browser)";
            if (to == null) log.println(failed);
            else to.error(failed);
        }
    }

    static String json(BuildResult result) {
        StringBuilder json = new StringBuilder("[");
        for (Problem p : result.errors()) {
            if (json.length() > 1) json.append(',');
            json.append('"');
            for (char c : p.toString().toCharArray()) {
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    default -> {
                        if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
                        else json.append(c);
                    }
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    /** Waits until the search index of the last rebuild is written (for tests and benchmarks). */
    public void awaitIndex() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        indexer.execute(done::countDown);
        done.await();
    }

    @Override
    public void close() throws IOException {
        // The watcher first (it waits for a rebuild under way), then the index being written: once closed, nothing
        // writes into the output folder any more (a test's temporary folder was deleted under a late index write).
        if (watcher != null) watcher.close();
        indexer.shutdownNow();
        try {
            indexer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
