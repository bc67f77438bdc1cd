// Measures the editor's loop: the time from saving a topic to the dev server's reload event, and the rebuild alone.
// Not a test. Run against the jar (after ./mvnw install):
//   java -cp generator/target/site-gen.jar bench/ServeBench.java SITE_DIR [RUNS]
import dev.sitegen.serve.Serve;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

public class ServeBench {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path work = Files.createTempDirectory("serve-bench");
        Path site = work.resolve("site");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = site.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path topic;
        try (Stream<Path> walk = Files.walk(site.resolve("topics"))) {
            topic = walk.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        BlockingQueue<Long> rebuilds = new LinkedBlockingQueue<>();
        try (Serve serve = new Serve(site, work.resolve("serve"), "127.0.0.1", 0, new PrintStream(OutputStream.nullOutputStream()))) {
            serve.onRebuild(r -> rebuilds.add(r.millis()));
            long start = System.nanoTime();
            serve.start();
            System.out.printf("first build: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            BlockingQueue<Long> reloads = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serve.url() + "__site-gen/events")).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = lines.readLine()) != null) if (line.equals("event: reload")) reloads.add(System.nanoTime());
                } catch (Exception e) {
                    // the server stopped
                }
            });
            reader.setDaemon(true);
            reader.start();
            while (serve.listeners() == 0) Thread.onSpinWait();
            String original = Files.readString(topic);
            List<Long> saveToReload = new ArrayList<>();
            List<Long> rebuildOnly = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                // One save on a settled server, as an editor saving every few seconds finds it: the search index of the
                // previous save (written after its reload event, on its own thread) is done.
                serve.awaitIndex();
                long saved = System.nanoTime();
                Files.writeString(topic, original + "\nEdit number " + i + ".\n");
                Long reloaded = reloads.poll(30, TimeUnit.SECONDS);
                Long rebuilt = rebuilds.poll(30, TimeUnit.SECONDS);
                if (reloaded == null || rebuilt == null) throw new IllegalStateException("no reload within 30 s");
                if (i >= 3) { // the first edits warm the JIT up, as an editor's first saves do
                    saveToReload.add((reloaded - saved) / 1_000_000);
                    rebuildOnly.add(rebuilt);
                }
            }
            Files.writeString(topic, original);
            System.out.printf("save to reload event: median %d ms, max %d ms (%d edits; includes the watcher's 40 ms quiet period)%n",
                    median(saveToReload), Collections.max(saveToReload), runs);
            System.out.printf("rebuild alone:        median %d ms, max %d ms%n", median(rebuildOnly), Collections.max(rebuildOnly));
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
