package dev.sitegen.serve;

import dev.sitegen.build.BuildResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dev server: what it serves and refuses, and the loop of change, rebuild of only what changed, and the event that
 * reloads open pages or shows the problems. Waits on events with timeouts; never sleeps.
 */
class ServeTest {
    @TempDir
    Path tmp;
    Path site;
    Serve serve;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final BlockingQueue<Serve.Rebuild> rebuilds = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        site = dev.sitegen.Sites.copy(dev.sitegen.Sites.fixture("minimal"), tmp.resolve("content"));
        serve = new Serve(site, tmp.resolve("target/serve"), "127.0.0.1", 0, new PrintStream(OutputStream.nullOutputStream()));
        serve.onRebuild(rebuilds::add);
        BuildResult first = serve.start();
        assertTrue(first.ok());
    }

    @AfterEach
    void stop() throws Exception {
        serve.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(serve.url() + path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a path exactly as given, without any client normalising it first. */
    String raw(String path) throws IOException {
        return raw(path, "127.0.0.1:" + serve.port());
    }

    String raw(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", serve.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void servesPagesWithTheReloadScriptAndTheRightHeaders() throws Exception {
        HttpResponse<String> page = get("/web/html/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("default-src 'self'", page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(page.body().contains("<script src=\"/__site-gen/reload.js\" defer></script></head>"));
        assertTrue(page.body().contains("href=\"" + serve.url() + "web/html/\""), "built for the server's own address");
        assertFalse(Files.readString(tmp.resolve("target/serve/web/html/index.html")).contains("reload.js"), "never written into the site");

        String css = page.body().replaceAll("(?s).*href=\"(/assets/css/site\\.[0-9a-f]{10}\\.css)\".*", "$1");
        HttpResponse<String> style = get(css);
        assertEquals("text/css; charset=utf-8", style.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", style.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("image/svg+xml", get("/img/dot.svg").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("text/javascript; charset=utf-8", get("/__site-gen/reload.js").headers().firstValue("Content-Type").orElseThrow());
        assertEquals(301, get("/web").statusCode());
    }

    @Test
    void missesGetTheNotFoundPage() throws Exception {
        HttpResponse<String> missing = get("/no/such/page/");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../content/site.yaml", "/%2e%2e/content/site.yaml", "/%2E%2E%2fcontent%2fsite.yaml",
            "/..%2fcontent/site.yaml", "/web/..%5c..%5ccontent%5csite.yaml", "/web\\..\\..\\content\\site.yaml",
            "/%252e%252e/content/site.yaml", "/web/%00/index.html", "/.%2e/content/site.yaml", "/%c0%ae%c0%ae/content/site.yaml",
            // and more: absolute once decoded, 3-byte overlong dots and slashes, IIS %u, NUL before an extension, drive letters
            "//etc/passwd", "/%2fetc/passwd", "/%2F%2E%2E/content/site.yaml", "/%e0%80%ae%e0%80%ae/content/site.yaml",
            "/..%c0%afcontent/site.yaml", "/%u002e%u002e/content/site.yaml", "/web/../../content/site.yaml%00.html",
            "/C:/Windows/win.ini", "/web/%2e%2e%2f%2e%2e%2fcontent%2fsite.yaml", "/..;/content/site.yaml", "/%2e%2e%5c%2e%2e%5ccontent%5csite.yaml"})
    void refusesToLeaveTheSiteFolderInAnyEncoding(String path) throws Exception {
        String response = raw(path);
        String status = response.substring(0, response.indexOf("\r\n"));
        assertTrue(status.contains(" 400 ") || status.contains(" 404 "), path + " -> " + status);
        assertFalse(response.contains("baseUrl:"), path + " served a file from outside the site");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:PORT", "localhost:PORT", "LOCALHOST:PORT", "[::1]:PORT"})
    void answersTheAddressItListensOn(String host) throws Exception {
        String response = raw("/web/html/", host.replace("PORT", String.valueOf(serve.port())));
        assertTrue(response.startsWith("HTTP/1.1 200 "), response.substring(0, response.indexOf("\r\n")));
    }

    /** DNS rebinding: another site's name pointed at 127.0.0.1 must not read the preview or its problems. */
    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:PORT", "127.0.0.1", "localhost:1", "localhost.evil.example:PORT",
            "127.0.0.1.nip.io:PORT", "10.0.0.1:PORT", "[::2]:PORT", "localhost:PORT@evil.example", ""})
    void refusesAnyOtherHost(String host) throws Exception {
        for (String path : List.of("/web/html/", "/__site-gen/events", "/__site-gen/reload.js")) {
            String response = raw(path, host.replace("PORT", String.valueOf(serve.port())));
            assertTrue(response.startsWith("HTTP/1.1 403 "), host + " " + path + " -> " + response.substring(0, response.indexOf("\r\n")));
            assertFalse(response.contains("<html"), "nothing of the site is sent");
        }
    }

    @Test
    void anOverLongPathIsAMissNotAnError() throws Exception {
        String response = raw("/" + "a".repeat(300) + "/" + "b".repeat(4000));
        assertTrue(response.startsWith("HTTP/1.1 404 "), response.substring(0, response.indexOf("\r\n")));
    }

    @Test
    void anEditRebuildsOnlyWhatItAffectsAndReloadsOpenPages() throws Exception {
        BlockingQueue<String> events = listen();
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("Selectors pick elements.", "Selectors pick elements, edited."));
        Serve.Rebuild rebuild = rebuilds.poll(20, TimeUnit.SECONDS);
        assertNotNull(rebuild, "no rebuild after the edit");
        assertTrue(rebuild.result().ok());
        assertEquals(Set.of("web/css/index.html", "web/print/index.html"), rebuild.result().changed());
        assertEquals("reload", awaitEvent(events));
        assertTrue(get("/web/css/").body().contains("edited."));
    }

    @Test
    void aFailedRebuildsProblemsGoToTheProblemLogByKind() throws Exception {
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        BlockingQueue<String> warnings = new LinkedBlockingQueue<>();
        serve.problems(new Serve.ProblemLog() {
            @Override
            public void error(String line) {
                errors.add(line);
            }

            @Override
            public void warn(String line) {
                warnings.add(line);
            }
        });
        Files.writeString(site.resolve("topics/web/unused.md"), "---\ndescription: Nobody's.\nupdated: 2026-11-20\n---\nText.\n");
        assertTrue(rebuilds.poll(5, TimeUnit.MINUTES).result().ok(), "a warning fails nothing");
        assertEquals(List.of(), List.copyOf(errors));
        String unused = "content/topics/web/unused.md:1:1: warning: no node uses this topic: add a node with id 'unused' to roadmaps/web.yaml";
        assertEquals(List.of(unused), List.copyOf(warnings));

        Path graph = site.resolve("roadmaps/web.yaml");
        Files.writeString(graph, Files.readString(graph).replace("requires: [style]", "requires: [stlye]"));
        assertFalse(rebuilds.poll(5, TimeUnit.MINUTES).result().ok());
        assertEquals(List.of("content/roadmaps/web.yaml:28:16: unknown prerequisite 'stlye' (did you mean 'style'?)",
                "Build failed: 1 problem (shown in the browser)"), List.copyOf(errors));
    }

    @Test
    void aBrokenEditShowsItsProblemsAndAFixReloads() throws Exception {
        BlockingQueue<String> events = listen();
        Path graph = site.resolve("roadmaps/web.yaml");
        String good = Files.readString(graph);
        Files.writeString(graph, good.replace("requires: [style]", "requires: [stlye]"));
        Serve.Rebuild broken = rebuilds.poll(20, TimeUnit.SECONDS);
        assertNotNull(broken);
        assertFalse(broken.result().ok());
        String event = awaitEvent(events);
        assertTrue(event.startsWith("problems ["), event);
        assertTrue(event.contains("roadmaps/web.yaml:28:16: unknown prerequisite 'stlye' (did you mean 'style'?)"), event);
        assertTrue(get("/web/layout/").body().contains("Page layout"), "the last good page is still served");

        Files.writeString(graph, good);
        Serve.Rebuild fixed = rebuilds.poll(20, TimeUnit.SECONDS);
        assertNotNull(fixed);
        assertTrue(fixed.result().ok());
        assertEquals("reload", awaitEvent(events));
    }

    @Test
    void aTemplateOverrideAddedWhileServingIsPickedUp() throws Exception {
        // The new folder first: its rebuild means the watcher has registered it, so the file's events are not missed.
        Path templates = site.resolve("theme/templates");
        Files.createDirectories(templates);
        assertNotNull(rebuilds.poll(20, TimeUnit.SECONDS), "no rebuild after the theme folder appeared");
        Files.writeString(templates.resolve("404.ftlh"), "<!DOCTYPE html><title>Lost</title><p class=\"mine\">Our own 404</p>\n");
        awaitServed("/no/such/page/", "Our own 404");
        Files.writeString(templates.resolve("404.ftlh"), "<!DOCTYPE html><title>Lost</title><p class=\"mine\">Changed again</p>\n");
        awaitServed("/no/such/page/", "Changed again");
    }

    /** Waits, rebuild by rebuild, until the page shows {@code text}; a watcher may split one save into several batches. */
    void awaitServed(String path, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!get(path).body().contains(text)) {
            long left = deadline - System.nanoTime();
            assertTrue(left > 0, path + " never showed '" + text + "'");
            rebuilds.poll(left, TimeUnit.NANOSECONDS);
        }
    }

    /** A git checkout of another branch can delete the content folder and make it again, or move another one in. */
    @Test
    void keepsWatchingWhenTheContentFolderIsDeletedAndComesBack() throws Exception {
        Path saved = dev.sitegen.Sites.copy(site, tmp.resolve("saved"));
        delete(site);
        Serve.Rebuild gone = rebuilds.poll(20, TimeUnit.SECONDS);
        while (gone != null && gone.result().ok()) gone = rebuilds.poll(20, TimeUnit.SECONDS);
        assertNotNull(gone, "no rebuild saw the folder go");
        assertTrue(get("/web/css/").body().contains("Selectors pick elements."), "the last good site is still served");
        dev.sitegen.Sites.copy(saved, site);
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("Selectors pick elements.", "Back after the checkout."));
        awaitServed("/web/css/", "Back after the checkout.");
        Files.writeString(css, Files.readString(css).replace("Back after the checkout.", "And saved again."));
        awaitServed("/web/css/", "And saved again.");

        Path other = dev.sitegen.Sites.copy(saved, tmp.resolve("other"));
        Files.writeString(other.resolve("topics/web/css.md"), Files.readString(css).replace("And saved again.", "Moved into place."));
        Files.move(site, tmp.resolve("old"));
        Files.move(other, site);
        awaitServed("/web/css/", "Moved into place.");
        Files.writeString(css, Files.readString(css).replace("Moved into place.", "Edited in the new folder."));
        awaitServed("/web/css/", "Edited in the new folder.");
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void anAtomicSaveByRenameIsSeen() throws Exception {
        Path css = site.resolve("topics/web/css.md");
        Path temp = site.resolve("topics/web/.css.md.swp");
        Files.writeString(temp, Files.readString(css).replace("Selectors pick elements.", "Saved by rename."));
        Files.move(temp, css, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Serve.Rebuild rebuild = rebuilds.poll(20, TimeUnit.SECONDS);
        assertNotNull(rebuild);
        assertTrue(get("/web/css/").body().contains("Saved by rename."));
    }

    /** Opens the event stream and returns a queue of "name data" strings. */
    BlockingQueue<String> listen() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        BlockingQueue<Boolean> connected = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(serve.url() + "__site-gen/events")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8));
                String line;
                String name = null;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(": connected")) connected.add(true);
                    else if (line.startsWith("event: ")) name = line.substring(7);
                    else if (line.startsWith("data: ") && name != null) {
                        events.add(name + " " + line.substring(6));
                        name = null;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the stream at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertNotNull(connected.poll(10, TimeUnit.SECONDS), "the event stream did not open");
        return events;
    }

    static String awaitEvent(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no event within 10 s");
        return event.startsWith("reload") ? "reload" : event;
    }
}
