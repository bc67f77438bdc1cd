package dev.sitegen.browser;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.SiteGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example site in content/, built for a local server's address and served by it with the strict CSP. */
final class ExampleSite implements AutoCloseable {
    private final StaticServer server;

    private ExampleSite(StaticServer server) {
        this.server = server;
    }

    /** Starts a server on a free port first, so the site can be built with that port in its base URL. */
    static ExampleSite buildAndServe(Path dir) {
        StaticServer server;
        try {
            server = StaticServer.serve(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BuildResult result = new SiteGenerator().build(new BuildRequest(Path.of("..", "content"), dir, server.baseUrl()));
        if (!result.ok()) server.close();
        assertTrue(result.ok(), () -> result.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        return new ExampleSite(server);
    }

    /** The absolute URL of a site path such as {@code "backend/"}. */
    String url(String path) {
        return server.baseUrl() + path;
    }

    @Override
    public void close() {
        server.close();
    }
}
