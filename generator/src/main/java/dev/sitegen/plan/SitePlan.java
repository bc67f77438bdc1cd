package dev.sitegen.plan;

import dev.sitegen.content.Page;
import dev.sitegen.graph.ReadingOrder;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.load.Site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where everything of a site goes: each roadmap's reading order, each topic's home, every page's site path and the
 * source file that makes it, the static files to publish, and which graphs use each topic. Links, the menu and output
 * names are checked against it before anything is rendered.
 */
public record SitePlan(Site site, Urls urls, Map<String, List<Skill>> orders, Map<String, Placement> placements,
                       Set<String> sitePaths, Map<Path, String> sourceToPath, Map<String, Path> statics,
                       Map<String, List<Usage>> usages) {

    /** Where a topic's page lives: its home roadmap, node and step, and that roadmap's reading order. */
    public record Placement(Roadmap roadmap, Skill skill, int step, List<Skill> order) {}

    /** A (roadmap, node) that uses a topic file. */
    public record Usage(Roadmap roadmap, Skill skill) {}

    public SitePlan {
        orders = Collections.unmodifiableMap(orders);
        placements = Collections.unmodifiableMap(placements);
        sitePaths = Collections.unmodifiableSet(sitePaths);
        sourceToPath = Collections.unmodifiableMap(sourceToPath);
        statics = Collections.unmodifiableMap(statics);
        usages = Collections.unmodifiableMap(usages);
    }

    /** The plan of a checked site, with the static files (by site path) that may be published. */
    public static SitePlan of(Site site, Map<String, Path> statics) {
        Map<String, List<Skill>> orders = new LinkedHashMap<>();
        for (Roadmap r : site.roadmaps()) orders.put(r.id(), ReadingOrder.of(r));
        Map<String, Placement> placements = placements(site, orders);

        Map<Path, String> sourceToPath = new HashMap<>();
        Set<String> sitePaths = new LinkedHashSet<>();
        sitePaths.add("");
        sitePaths.add(Urls.GUIDES);
        for (Roadmap r : site.roadmaps()) {
            sitePaths.add(Urls.roadmap(r.id()));
            sitePaths.add(Urls.print(r.id()));
            sourceToPath.put(r.file(), Urls.roadmap(r.id()));
            if (r.intro() != null) sourceToPath.put(r.intro().file(), Urls.roadmap(r.id()));
        }
        for (String key : placements.keySet()) {
            sitePaths.add(Urls.topic(key));
            sourceToPath.put(site.topics().get(key).file(), Urls.topic(key));
        }
        for (Page g : site.guides()) {
            sitePaths.add(Urls.guide(g.slug()));
            sourceToPath.put(g.file(), Urls.guide(g.slug()));
        }
        for (Map.Entry<String, Path> e : statics.entrySet()) {
            sitePaths.add(e.getKey());
            sourceToPath.put(e.getValue(), e.getKey());
        }
        Map<String, List<Usage>> usages = new HashMap<>();
        for (Roadmap r : site.roadmaps()) {
            for (Skill s : r.skills()) usages.computeIfAbsent(s.topic(), k -> new ArrayList<>()).add(new Usage(r, s));
        }
        return new SitePlan(site, new Urls(site.config().baseUrl()), orders, placements, sitePaths, sourceToPath,
                new TreeMap<>(statics), usages);
    }

    /** Each topic's home: the roadmap whose folder holds the file and that has a node for it. */
    private static Map<String, Placement> placements(Site site, Map<String, List<Skill>> orders) {
        Map<String, Placement> placements = new TreeMap<>();
        for (Roadmap r : site.roadmaps()) {
            List<Skill> order = orders.get(r.id());
            for (int i = 0; i < order.size(); i++) {
                Skill s = order.get(i);
                if (s.topic().startsWith(r.id() + "/") && site.topics().containsKey(s.topic())) {
                    placements.putIfAbsent(s.topic(), new Placement(r, s, i + 1, order));
                }
            }
        }
        return placements;
    }
}
