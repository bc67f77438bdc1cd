package dev.sitegen.check;

import dev.sitegen.content.Fields;
import dev.sitegen.content.Page;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.problem.Suggest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The topic files and the graphs' nodes agree: each node has its file, each file a node in its own roadmap. */
final class TopicCheck {
    /** Topic slugs a roadmap uses for its own pages. */
    static final Set<String> RESERVED_TOPIC_SLUGS = Set.of("print");

    private TopicCheck() {}

    /**
     * Every node's topic exists and lives under a roadmap that uses it; no topic file is left unused. Unused topics are
     * not looked for unless {@code graphsWhole}: after an error in a graph, they follow from that error.
     */
    static void check(List<Roadmap> roadmaps, Map<String, Page> topics, boolean graphsWhole, Report report) {
        Set<String> roadmapIds = new HashSet<>();
        roadmaps.forEach(r -> roadmapIds.add(r.id()));
        Map<String, Set<String>> usedBy = new HashMap<>();
        for (Roadmap roadmap : roadmaps) {
            Map<String, Skill> byTitle = new HashMap<>();
            for (Skill skill : roadmap.skills()) {
                Skill first = byTitle.putIfAbsent(skill.title().trim().toLowerCase(Locale.ROOT), skill);
                if (first != null && !first.id().equals(skill.id())) {
                    report.warn(roadmap.file(), skill.at(), "duplicate title '" + skill.title() + "' (also node '" + first.id()
                            + "' at line " + first.at().line() + "); readers cannot tell the two apart");
                }
            }
            for (Skill skill : roadmap.skills()) {
                String topic = skill.topic();
                Pos at = skill.topicAt() == Pos.UNKNOWN ? skill.at() : skill.topicAt();
                String[] parts = topic.split("/", -1);
                if (parts.length != 2 || !Fields.isId(parts[0]) || !parts[1].endsWith(".md") || !Fields.isId(stem(parts[1]))) {
                    report.error(roadmap.file(), at, "topic '" + topic + "' must be '<roadmap>/<node>.md', a file below topics/ (e.g. "
                            + roadmap.id() + "/" + skill.id() + ".md)");
                    continue;
                }
                if (RESERVED_TOPIC_SLUGS.contains(stem(parts[1]))) {
                    report.error(roadmap.file(), at, "'" + stem(parts[1]) + "' is used by the roadmap's own pages; rename the topic");
                }
                if (!topics.containsKey(topic)) {
                    Path expected = Path.of("topics", parts[0], parts[1]);
                    if (Files.exists(roadmap.file().getParent().getParent().resolve(expected))) continue; // reported while loading it
                    List<String> sameFolder = topics.keySet().stream().filter(k -> k.startsWith(parts[0] + "/"))
                            .map(k -> stem(k.substring(k.indexOf('/') + 1))).toList();
                    String hint = Suggest.didYouMean(stem(parts[1]), sameFolder);
                    report.error(roadmap.file(), at, "missing topic file topics/" + topic + " for node '" + skill.id() + "'"
                            + (hint.isEmpty() ? "" : hint.replace("'?)", ".md'?)").replace("mean '", "mean '" + parts[0] + "/"))
                            + "; create it or set 'topic'");
                    continue;
                }
                if (!roadmapIds.contains(parts[0])) {
                    report.error(roadmap.file(), at, "topic '" + topic + "' is in topics/" + parts[0] + "/, but there is no roadmap '" + parts[0]
                            + "'; a topic's page lives under the roadmap whose folder holds it");
                }
                usedBy.computeIfAbsent(topic, k -> new HashSet<>()).add(roadmap.id());
            }
        }
        for (Page page : topics.values()) {
            Set<String> users = usedBy.get(page.key());
            String home = page.key().substring(0, page.key().indexOf('/'));
            if (users == null) {
                if (graphsWhole) report.warn(page.file(), Pos.START, "no node uses this topic: add a node with id '" + page.slug() + "' to roadmaps/" + home + ".yaml");
            } else if (!users.contains(home) && roadmapIds.contains(home)) {
                report.error(page.file(), Pos.START, "roadmap '" + home + "' has no node for this topic, so it has no place for the page;"
                        + " add a node to roadmaps/" + home + ".yaml or move the file to the roadmap that uses it");
            }
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
