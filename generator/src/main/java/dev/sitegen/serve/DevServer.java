package dev.sitegen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Serves a built site from its folder for editors: loopback only by default, a strict reading of request paths (no
 * way out of the folder in any encoding), content types and caching headers as a static host would send them, and the
 * 404 page for misses. In HTML it adds one script, /__site-gen/reload.js, which listens on /__site-gen/events for
 * "reload" and "problems" events; nothing of this is ever written into a built site.
 */
public final class DevServer implements AutoCloseable {
    static final String RELOAD_SCRIPT = "/__site-gen/reload.js";
    static final String EVENTS = "/__site-gen/events";
    private static final Pattern FINGERPRINTED = Pattern.compile(".*\\.[0-9a-f]{10}\\.(css|js)$");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"),
            Map.entry("map", "application/json"), Map.entry("bin", "application/octet-stream"));

    private final Path root;
    private final HttpServer server;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private volatile String lastEvent;

    /** Binds to {@code address} (port 0 picks a free one); call {@link #start()} to serve. */
    public DevServer(Path root, InetSocketAddress address) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each keep-alive response then
        // waits for the client's delayed ACK: 40 ms a request (355 requests/s in DevServerLoadTest; 2,000+ without).
        // Read once, when the JDK's server configuration loads, so it must be set before the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(address, 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "site-gen-serve");
            t.setDaemon(true);
            return t;
        }));
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Sends an event to every open page; the latest one is also sent to pages that connect later, so a page opened
     * while the site is broken shows the problems at once.
     */
    public void send(String event, String data) {
        StringBuilder message = new StringBuilder("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) message.append("data: ").append(line).append('\n');
        String text = message.append('\n').toString();
        lastEvent = event.equals("problems") ? text : null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : listeners) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                listeners.remove(out); // the page went away
            }
        }
    }

    /** How many pages are listening for events. */
    public int listeners() {
        return listeners.size();
    }

    @Override
    public void close() {
        for (OutputStream out : listeners) {
            try {
                out.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 403, "text/plain; charset=utf-8",
                        "site-gen serve answers only requests for the address it listens on".getBytes(StandardCharsets.UTF_8), true);
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8), true);
                return;
            }
            String raw = exchange.getRequestURI().getRawPath();
            if (raw.equals(EVENTS)) {
                events(exchange);
                return;
            }
            if (raw.equals(RELOAD_SCRIPT)) {
                send(exchange, 200, TYPES.get("js"), resource("site-gen/serve/reload.js"), method.equals("GET"));
                return;
            }
            String path = RequestPath.decode(raw);
            if (path == null) {
                send(exchange, 400, "text/plain; charset=utf-8", "bad request path".getBytes(StandardCharsets.UTF_8), true);
                return;
            }
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || !inside(file)) {
                notFound(exchange);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!raw.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", raw + "/");
                    send(exchange, 301, "text/plain; charset=utf-8", new byte[0], false);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                notFound(exchange);
                return;
            }
            serveFile(exchange, file, 200);
        }
    }

    /**
     * A page on another site can point its own host name at 127.0.0.1 (DNS rebinding) and then read the preview as if
     * it were its own; its requests still carry its host name. So only the loopback names, the bound address, and (when
     * bound to every interface, for a phone on the LAN) an IP address are answered, each with our port. A request with
     * no Host header cannot come from a browser.
     */
    boolean hostAllowed(String header) {
        if (header == null) return true;
        String value = header.trim().toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        String host = colon > value.lastIndexOf(']') ? value.substring(0, colon) : value;
        String port = colon > value.lastIndexOf(']') ? value.substring(colon + 1) : "80";
        if (!port.equals(String.valueOf(port()))) return false;
        if (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")) return true;
        InetAddress bound = server.getAddress().getAddress();
        String literal = bound.getHostAddress().toLowerCase(Locale.ROOT);
        if (host.equals(literal) || host.equals("[" + literal + "]")) return true;
        return bound.isAnyLocalAddress() && isIpLiteral(host);
    }

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.matches("\\[[0-9a-f:.]+(%[0-9a-z]+)?\\]");
    }

    /** Symbolic links inside the output folder may not lead out of it. */
    private boolean inside(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return true;
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Path page = root.resolve("404.html");
        if (Files.isRegularFile(page)) serveFile(exchange, page, 404);
        else send(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8), true);
    }

    private void serveFile(HttpExchange exchange, Path file, int status) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        byte[] body = Files.readAllBytes(file);
        if (ext.equals("html")) body = withReloadScript(body);
        exchange.getResponseHeaders().set("Cache-Control",
                FINGERPRINTED.matcher(name).matches() ? "public, max-age=31536000, immutable" : "no-cache");
        send(exchange, status, type, body, exchange.getRequestMethod().equals("GET"));
    }

    private static byte[] withReloadScript(byte[] html) {
        String text = new String(html, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + RELOAD_SCRIPT + "\" defer></script>";
        int head = text.indexOf("</head>");
        text = head >= 0 ? text.substring(0, head) + tag + text.substring(head) : text + tag;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write((": connected\n\n" + (lastEvent == null ? "" : lastEvent)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        listeners.add(out);
        // Keep the exchange open until the page goes away; close() of the try-with-resources would end the stream.
        try {
            while (!Thread.currentThread().isInterrupted() && listeners.contains(out)) {
                Thread.sleep(15_000);
                out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            listeners.remove(out);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean withBody) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // The same policy the default theme is built for, so a violation shows while editing, not after publishing.
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
        exchange.sendResponseHeaders(status, withBody && body.length > 0 ? body.length : -1);
        if (withBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DevServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
