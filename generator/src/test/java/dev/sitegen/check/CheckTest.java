package dev.sitegen.check;

import com.sun.net.httpserver.HttpServer;
import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.SiteGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site-gen check: everything a build checks, what a build only warns about, and external links against a local server. */
class CheckTest {
    @TempDir
    Path tmp;
    Path site;
    HttpServer server;

    @BeforeEach
    void copy() throws Exception {
        site = dev.sitegen.Sites.copy(dev.sitegen.Sites.fixture("minimal"), tmp.resolve("content"));
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    BuildResult check(Duration external, boolean failOnNetwork) {
        return new SiteGenerator().check(new BuildRequest(site, tmp.resolve("out")), external, failOnNetwork);
    }

    @Test
    void aCleanSitePassesAndNothingIsWritten() {
        BuildResult result = check(null, false);
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(10, result.pages());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void orphanTopicsAndDuplicateTitlesFailACheck() throws Exception {
        Files.writeString(site.resolve("topics/web/unused.md"), "---\ndescription: Nobody links here.\nupdated: 2026-11-20\n---\nText.\n");
        Path graph = site.resolve("roadmaps/web.yaml");
        Files.writeString(graph, Files.readString(graph).replace("title: Page layout", "title: CSS"));
        BuildResult result = check(null, false);
        assertFalse(result.ok());
        assertEquals(List.of(
                "roadmaps/web.yaml:25:5: duplicate title 'CSS' (also node 'css' at line 16); readers cannot tell the two apart",
                "topics/web/unused.md:1:1: no node uses this topic: add a node with id 'unused' to roadmaps/web.yaml"),
                result.problems().stream().map(Object::toString).toList());
    }

    @Test
    void deadExternalLinksAreReportedWhereTheyAreUsed() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", e -> { e.sendResponseHeaders(200, -1); e.close(); });
        server.createContext("/gone", e -> { e.sendResponseHeaders(404, -1); e.close(); });
        // A server that refuses HEAD but serves GET is not dead.
        server.createContext("/get-only", e -> { e.sendResponseHeaders(e.getRequestMethod().equals("HEAD") ? 405 : 200, -1); e.close(); });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path html = site.resolve("topics/web/html.md");
        Files.writeString(html, Files.readString(html).replace("https://developer.mozilla.org/en-US/docs/Learn/HTML", base + "/ok")
                .replace("https://example.com/video", base + "/get-only")
                + "\nSee [this](" + base + "/gone) too.\n");
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css) + "\nAnd [that](" + base + "/gone).\n");
        Path graph = site.resolve("roadmaps/web.yaml");
        Files.writeString(graph, Files.readString(graph).replace("https://developer.mozilla.org/en-US/docs/Web/CSS/Layout_cookbook", base + "/ok"));

        BuildResult result = check(Duration.ofSeconds(5), false);
        assertEquals(List.of(
                "topics/web/css.md:9:12: dead link " + base + "/gone: answered 404",
                "topics/web/html.md:19:12: dead link " + base + "/gone: answered 404"),
                result.problems().stream().map(Object::toString).toList());
    }

    @Test
    void aNetworkOutageIsAWarningUnlessAskedToFail() throws Exception {
        // Nothing listens on these ports: no link gets any answer, as when the network is down.
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + port;
        for (String topic : List.of("html", "css", "tailwind", "layout")) {
            Path file = site.resolve("topics/web/" + topic + ".md");
            Files.writeString(file, Files.readString(file).replaceAll("https://[^)\\s]+", dead + "/x"));
        }
        Path graph = site.resolve("roadmaps/web.yaml");
        Files.writeString(graph, Files.readString(graph).replaceAll("https://\\S+", dead + "/y"));

        BuildResult lenient = check(Duration.ofSeconds(2), false);
        assertTrue(lenient.ok(), lenient.problems().toString());
        assertTrue(lenient.warnings().get(0).message().startsWith("could not check 2 external links: no server answered"), lenient.problems().toString());
        assertFalse(check(Duration.ofSeconds(2), true).ok());
    }
}
