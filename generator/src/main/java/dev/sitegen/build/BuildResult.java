package dev.sitegen.build;

import dev.sitegen.problem.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The outcome of a build: every problem found (errors and warnings), and what was written when it succeeded. */
public record BuildResult(boolean ok, List<Problem> problems, int pages, int roadmaps, long millis, Path output, int reused,
                          Set<String> changed) {
    public BuildResult {
        problems = List.copyOf(problems);
        changed = Set.copyOf(changed);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** One line for a log: "Built 52 pages (3 roadmaps) in 812 ms into target/site-gen". */
    public String summary() {
        if (!ok) return "Build failed: " + count(errors().size(), "problem")
                + (warnings().isEmpty() ? "" : ", " + count(warnings().size(), "warning")) + "; " + output + " was left as it was";
        return "Built " + count(pages, "page") + " (" + count(roadmaps, "roadmap") + (reused > 0 ? ", " + reused + " unchanged" : "")
                + ") in " + millis + " ms into " + output + (warnings().isEmpty() ? "" : " with " + count(warnings().size(), "warning"));
    }

    /** One line for a log after a check: "Checked 52 pages (3 roadmaps): no problems", or what failed. */
    public String checkSummary() {
        if (!ok) return "Check failed: " + count(errors().size(), "problem")
                + (warnings().isEmpty() ? "" : ", " + count(warnings().size(), "warning"));
        return "Checked " + count(pages, "page") + " (" + count(roadmaps, "roadmap") + "): no problems";
    }

    /** "1 page", "2 pages": every count a person reads. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
