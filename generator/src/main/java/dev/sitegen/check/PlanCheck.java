package dev.sitegen.check;

import dev.sitegen.content.Links;
import dev.sitegen.content.MenuItem;
import dev.sitegen.load.Site;
import dev.sitegen.output.SafePath;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** The checks that need every page's address: menu links, and names a Windows host or checkout would refuse. */
public final class PlanCheck {
    private PlanCheck() {}

    public static void check(SitePlan plan, Report report) {
        menu(plan.site(), plan.sitePaths(), report);
        portable(plan, report);
    }

    private static void menu(Site site, Set<String> sitePaths, Report report) {
        for (MenuItem item : site.config().menu()) {
            String url = item.url();
            if (url.startsWith("/") && !url.startsWith("//")) {
                String path = url.substring(1).replaceFirst("[?#].*$", "");
                if (!sitePaths.contains(path) && !sitePaths.contains(path + "/")) {
                    report.error(site.config().file(), item.at(), "menu link '" + url + "': no such page on this site");
                }
            } else if (Links.checkExternal(url) != null) {
                report.error(site.config().file(), item.at(), "menu url '" + url + "' must start with / (a page of this site) or be an http(s) URL");
            }
        }
    }

    /** Reported at the file a name comes from, once each. */
    private static void portable(SitePlan plan, Report report) {
        Set<String> reported = new HashSet<>();
        for (Path source : new TreeSet<>(plan.sourceToPath().keySet())) {
            String sitePath = plan.sourceToPath().get(source);
            String problem = SafePath.portability(sitePath);
            if (problem != null && reported.add(sitePath)) report.error(source, Pos.UNKNOWN, "/" + sitePath + ": " + problem);
        }
    }
}
