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

    /** One line for a log: "Built 52 pages (3 roadmaps) in 812 ms into target/site". */
    public String summary() {
        if (!ok) return "Build failed: " + errors().size() + (errors().size() == 1 ? " problem" : " problems")
                + (warnings().isEmpty() ? "" : ", " + warnings().size() + " warnings") + "; " + output + " was left as it was";
        return "Built " + pages + " pages (" + roadmaps + (roadmaps == 1 ? " roadmap" : " roadmaps")
                + (reused > 0 ? ", " + reused + " unchanged" : "") + ") in " + millis + " ms into " + output
                + (warnings().isEmpty() ? "" : " with " + warnings().size() + (warnings().size() == 1 ? " warning" : " warnings"));
    }
}
