package dev.sitegen.graph;

import dev.sitegen.check.GraphCheck;
import dev.sitegen.content.ContentLoader;
import dev.sitegen.problem.Problem;
import dev.sitegen.problem.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Skill graphs of any shape are checked without recursion: before, a chain of 60,000 nodes, each requiring the next,
 * threw StackOverflowError from the cycle check on a dev-server thread, and a 20,000-character unknown prerequisite
 * cost a 20,000 × 64 table per known id for its "did you mean".
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GraphLimitsTest {
    @TempDir
    Path site;

    /** Checks {@code yaml} on a thread with a small stack, so that any recursion along the graph would overflow it. */
    private List<String> check(String yaml) throws Exception {
        Path file = site.resolve("roadmaps/web.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        Report report = new Report(site);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                Roadmap roadmap = new GraphLoader(new ContentLoader(report), report).load(file, "web", null);
                GraphCheck.check(roadmap, report);
                ReadingOrder.of(roadmap);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        assertNull(thrown.get());
        return report.problems().stream().map(Problem::toString).toList();
    }

    private static String chain(int n, boolean closed) {
        StringBuilder yaml = new StringBuilder("title: Web\ndescription: A long chain.\nstages: [{id: s, title: S}]\nnodes:\n");
        for (int i = 0; i < n; i++) {
            String next = i + 1 < n ? "n" + (i + 1) : closed ? "n0" : null;
            yaml.append("  - {id: n").append(i).append(", title: N").append(i).append(", stage: s")
                    .append(next == null ? "" : ", requires: [" + next + "]").append("}\n");
        }
        return yaml.toString();
    }

    @Test
    void aLongChainOfPrerequisitesIsCheckedWithoutOverflowingTheStack() throws Exception {
        assertEquals(List.of(), check(chain(20_000, false)));
    }

    @Test
    void aCycleThroughTwentyThousandNodesIsReportedOnceAtItsStart() throws Exception {
        List<String> problems = check(chain(20_000, true));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("roadmaps/web.yaml:5:46: prerequisite cycle: n0 → n1 → n2 → "), problems.get(0));
        assertTrue(problems.get(0).endsWith(" → n19999 → n0"), "shortened in the middle, ends where it closes");
    }

    @Test
    void aHugeUnknownPrerequisiteIsReportedWithoutADidYouMean() throws Exception {
        String unknown = "x".repeat(20_000);
        List<String> problems = check("title: Web\ndescription: D\nstages: [{id: s, title: S}]\nnodes:\n"
                + "  - {id: a, title: A, stage: s, requires: [" + unknown + "]}\n");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("roadmaps/web.yaml:5:44: unknown prerequisite 'xxx"), problems.get(0));
        assertTrue(problems.get(0).endsWith("xxx'"), problems.get(0));
    }
}
