package dev.sitegen.serve;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.SiteGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded load test of the dev server on the loopback address: a fixed number of requests over a fixed number of
 * connections, each answer checked, and it stops by itself. It prints the throughput and latency it measured (the
 * README quotes them); it asserts only that every request was answered as it should be, not how fast.
 *
 * <pre>
 * ./mvnw -o -pl themes/default,generator test -Dinvoker.skip -Dtest=DevServerLoadTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class DevServerLoadTest {
    static final int REQUESTS = 5_000;
    static final int CONNECTIONS = 16;

    @TempDir
    Path tmp;

    @Test
    void fiveThousandRequestsOverSixteenConnectionsAllSucceed() throws Exception {
        Path out = tmp.resolve("site");
        Path site = Path.of("src/test/resources/sites/minimal");
        assertTrue(new SiteGenerator().build(new BuildRequest(site, out, "http://127.0.0.1/")).ok());
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).map(p -> "/" + out.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.endsWith("/index.html") ? p.substring(0, p.length() - "index.html".length()) : p).sorted().forEach(paths::add);
        }
        paths.add("/no/such/page/"); // the 404 page is part of what a server sends

        try (DevServer server = new DevServer(out, new InetSocketAddress("127.0.0.1", 0))) {
            server.start();
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newFixedThreadPool(2)).build();
            AtomicInteger next = new AtomicInteger();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            long[] nanos = new long[REQUESTS];
            ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    done.add(connections.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < REQUESTS) {
                            String path = paths.get(i % paths.size());
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                                int expected = path.startsWith("/no/") ? 404 : 200;
                                if (response.statusCode() != expected || response.body().length == 0) {
                                    errors.add(path + " -> " + response.statusCode());
                                }
                            } catch (Exception e) {
                                errors.add(path + " -> " + e);
                            }
                            nanos[i] = System.nanoTime() - t0;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            });
            long wall = System.nanoTime() - start;
            connections.shutdown();
            assertTrue(connections.awaitTermination(10, TimeUnit.SECONDS));

            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            System.out.printf("dev server load: %d requests over %d connections to 127.0.0.1 in %.2f s: %.0f requests/s, "
                            + "p50 %.2f ms, p99 %.2f ms, %d errors%n", REQUESTS, CONNECTIONS, wall / 1e9, REQUESTS / (wall / 1e9),
                    sorted[REQUESTS / 2] / 1e6, sorted[REQUESTS * 99 / 100] / 1e6, errors.size());
            assertEquals(List.of(), errors.stream().limit(10).toList());
        }
    }
}
