package dev.sitegen;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Builds fixture sites for tests and reads what they produced. */
public final class Sites {
    private Sites() {}

    public static Path fixture(String name) {
        Path dir = Path.of("src", "test", "resources", "sites", name);
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no fixture site " + dir.toAbsolutePath());
        return dir;
    }

    static Path example() {
        return Path.of("..", "content").toAbsolutePath().normalize();
    }

    static BuildResult build(Path site, Path out) {
        return new SiteGenerator().build(new BuildRequest(site, out));
    }

    static BuildResult build(Path site, Path out, String baseUrl) {
        return new SiteGenerator().build(new BuildRequest(site, out, baseUrl));
    }

    /** The problem lines of a result, as the command line prints them (paths relative to the site). */
    static List<String> lines(BuildResult result) {
        return result.problems().stream().map(Object::toString).toList();
    }

    static Document page(Path out, String sitePath) {
        Path file = out.resolve(sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath);
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "https://example.org/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> htmlFiles(Path out) {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture into {@code dir} so a test can change it. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
