package dev.sitegen;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sitegen.content.ContentLoader;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.Page;
import dev.sitegen.check.GraphCheck;
import dev.sitegen.graph.GraphLoader;
import dev.sitegen.graph.Layout;
import dev.sitegen.graph.ReadingOrder;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.problem.Problem;
import dev.sitegen.problem.Report;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzz tests of everything that reads an editor's file: site.yaml, front matter, skill graphs and Markdown. Whatever the
 * bytes, the outcome is a build report: a record or null, and problems at {@code path:line:col} with one printable line
 * each; never an exception, a hang or a runaway heap (the limits are in ContentLoader, Yaml, MarkdownLimits and Markdown).
 *
 * <p>Each input gets {@link #PER_INPUT}: a slower one is a finding like an exception (a JUnit {@code @Timeout} would
 * bound the whole fuzzing run instead). In the normal test run each method replays its committed corpus, {@code src/test/resources/dev/sitegen/
 * LoadFuzzTestInputs/<method>/}: real files from the example site and the nasty cases found so far. To search for new
 * inputs, run one method at a time (Jazzer fuzzes one per run) and commit what it adds to the corpus:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -o -pl themes/default,generator test -Dinvoker.skip -Dtest='LoadFuzzTest#markdown' -Djazzer.max_duration=10m
 * </pre>
 */
class LoadFuzzTest {
    /** Far more than any input needs on a loaded two-core machine; the slowest corpus files take a few seconds. */
    static final Duration PER_INPUT = Duration.ofSeconds(30);

    @TempDir
    static Path site;

    /** Writes {@code bytes} to {@code rel} below a fresh site folder, as an editor's file would be. */
    private static Path file(String rel, byte[] bytes) throws IOException {
        Path file = site.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** Every problem is one printable line at a real position in the given file. */
    private static void assertReadable(Report report, String rel) {
        for (Problem p : report.problems()) {
            assertEquals(rel, p.file(), p.toString());
            assertTrue(p.line() >= 0 && p.column() >= 0, p.toString());
            assertFalse(p.message().isBlank(), p.toString());
            assertTrue(p.toString().chars().noneMatch(c -> c < 0x20), "one printable line: " + p);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void siteConfig(byte[] bytes) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            Report report = new Report(site);
            var config = new ContentLoader(report).config(file("site.yaml", bytes));
            if (config != null) assertTrue(config.baseUrl().getScheme().startsWith("http"), config.toString());
            assertReadable(report, "site.yaml");
        });
    }

    @FuzzTest(maxDuration = "2m")
    void frontMatter(byte[] bytes) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            Report report = new Report(site);
            Page page = new ContentLoader(report).page(file("topics/web/a.md", bytes), Page.Kind.TOPIC, "web/a.md");
            if (page != null) assertTrue(page.bodyLine() >= 1);
            assertReadable(report, "topics/web/a.md");
            Report guide = new Report(site);
            new ContentLoader(guide).page(file("guides/a.md", bytes), Page.Kind.GUIDE, "a.md");
            assertReadable(guide, "guides/a.md");
        });
    }

    @FuzzTest(maxDuration = "2m")
    void skillGraph(byte[] bytes) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            Report report = new Report(site);
            Path file = file("roadmaps/web.yaml", bytes);
            Roadmap roadmap = new GraphLoader(new ContentLoader(report), report).load(file, "web", null);
            if (roadmap != null) {
                GraphCheck.check(roadmap, report);
                // The diagram is laid out for graphs that failed the checks too; huge ones would only cost time here.
                if (roadmap.skills().size() <= 500) Layout.of(roadmap, ReadingOrder.of(roadmap));
            }
            assertReadable(report, "roadmaps/web.yaml");
        });
    }

    @FuzzTest(maxDuration = "2m")
    void markdown(byte[] bytes) {
        assertTimeoutPreemptively(PER_INPUT, () -> {
            Report report = new Report(site);
            Page page = new ContentLoader(report).page(file("guides/a.md", bytes), Page.Kind.INTRO, "a.md");
            if (page == null) {
                assertTrue(report.hasErrors());
                return;
            }
            for (boolean allowHtml : new boolean[] {false, true}) {
                try {
                    new Markdown(allowHtml).render(page.body(), page.bodyLine(), (url, at, image) -> {
                        assertTrue(at.line() >= page.bodyLine() && at.column() >= 1, url + " at " + at);
                        return url.startsWith("/") ? "/learn" + url : url;
                    });
                } catch (Markdown.TooComplex e) {
                    assertTrue(e.at().line() >= page.bodyLine() && e.at().column() >= 1, e.at() + ": " + e.getMessage());
                }
            }
            assertReadable(report, "guides/a.md");
        });
    }
}
