package dev.sitegen.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A static file server for browser tests, on 127.0.0.1 and a free port, that behaves like the hosts the README names:
 * {@code index.html} for folders, {@code 404.html} (status 404) for misses, a Content-Type per extension, and the strict
 * {@code Content-Security-Policy: default-src 'self'} that the theme promises to work under. Public: the search
 * package's browser test serves its sites with it too.
 */
public final class StaticServer implements AutoCloseable {
    public static final String CSP = "default-src 'self'";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private StaticServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    /** Serves {@code root} (which may not exist yet: it is read on every request). */
    public static StaticServer serve(Path root) throws IOException {
        return new StaticServer(root);
    }

    /** The server's root URL, {@code http://127.0.0.1:<port>/}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = find(exchange.getRequestURI().getPath());
            int status = 200;
            if (file == null) {
                file = root.resolve("404.html");
                status = 404;
            }
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : "Not found".getBytes();
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", TYPES.getOrDefault(extension(file), "application/octet-stream"));
            headers.set("Content-Security-Policy", CSP);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Cache-Control", "no-store");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The file for a URL path, or null: no escaping the root, and a folder means its index.html. */
    private Path find(String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/") || urlPath.contains("\0")) return null;
        Path file = root.resolve(urlPath.substring(1)).normalize();
        if (!file.startsWith(root)) return null;
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        return Files.isRegularFile(file) ? file : null;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
