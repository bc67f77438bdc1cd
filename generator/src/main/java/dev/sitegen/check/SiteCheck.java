package dev.sitegen.check;

import dev.sitegen.graph.Roadmap;
import dev.sitegen.load.Site;
import dev.sitegen.problem.Report;

/**
 * The checks that need only the loaded site: each skill graph's cross-references, and topic files against nodes.
 * The checks that need every page's address (links, menu, static files, output names) are {@link PlanCheck}'s.
 */
public final class SiteCheck {
    private SiteCheck() {}

    public static void check(Site site, Report report) {
        // A graph that could not be read whole (an error while loading it) may have lost nodes, or be missing: its
        // topics would be "unused" only because of that error. Taken before the checks below add errors of their own.
        boolean graphsWhole = report.problems().stream().noneMatch(p -> p.isError() && p.file().startsWith("roadmaps/")
                && (p.file().endsWith(".yaml") || p.file().endsWith(".yml")));
        for (Roadmap roadmap : site.roadmaps()) GraphCheck.check(roadmap, report);
        TopicCheck.check(site.roadmaps(), site.topics(), graphsWhole, report);
    }
}
