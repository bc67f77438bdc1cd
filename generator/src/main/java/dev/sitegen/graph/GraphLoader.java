package dev.sitegen.graph;

import dev.sitegen.cache.LoadCache;
import dev.sitegen.content.ContentLoader;
import dev.sitegen.content.Fields;
import dev.sitegen.content.Page;
import dev.sitegen.content.Resource;
import dev.sitegen.content.YamlNode;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code roadmaps/<id>.yaml} into a {@link Roadmap}. Shape and field problems are reported here;
 * cross-references (stages, prerequisites, cycles, topic files) are checked by the check stage (check/GraphCheck).
 *
 * <pre>
 * title: Backend Developer
 * description: From your first HTTP request to running APIs in production.
 * stages:
 *   - {id: basics, title: Basics}
 * nodes:
 *   - {id: http, title: How HTTP works, stage: basics, requires: [internet]}
 * </pre>
 */
public final class GraphLoader {
    private static final Set<String> GRAPH_FIELDS = Set.of("id", "title", "description", "weight", "stages", "alternatives", "nodes");
    private static final Set<String> STAGE_FIELDS = Set.of("id", "title", "description");
    private static final Set<String> ALTERNATIVE_FIELDS = Set.of("id", "title", "nodes");
    private static final Set<String> NODE_FIELDS = Set.of("id", "title", "stage", "topic", "requires", "optional", "resources");

    private final ContentLoader loader;
    private final Report report;

    public GraphLoader(ContentLoader loader, Report report) {
        this.loader = loader;
        this.report = report;
    }

    /** Loads one skill graph; {@code id} comes from the file name. Returns null when the file cannot be used at all. */
    public Roadmap load(Path file, String id, Page intro) {
        LoadCache.Entry hit = loader.cached(file, "graph:" + id);
        if (hit != null) {
            Roadmap r = LoadCache.value(hit, Roadmap.class);
            if (r == null) return null;
            return r.intro() == intro ? r : new Roadmap(r.id(), r.file(), r.title(), r.description(), r.weight(), r.stages(),
                    r.alternatives(), r.skills(), intro);
        }
        long[] stat = LoadCache.stat(file);
        Roadmap roadmap = parse(file, id, intro);
        loader.remember(file, "graph:" + id, stat, roadmap);
        return roadmap;
    }

    private Roadmap parse(Path file, String id, Page intro) {
        String text = loader.read(file);
        if (text == null) return null;
        YamlNode root = loader.yaml(file, text, 0);
        if (root == null && text.isBlank()) {
            report.error(file, Pos.START, "skill graph is empty; it needs title, description, stages and nodes");
            return null;
        }
        if (root == null) return null; // the syntax error has been reported
        YamlNode.Mapping map = Fields.mapping(root, file, report, "a skill graph");
        if (map == null) return null;
        Fields f = new Fields(map, file, report, GRAPH_FIELDS, "skill graph");
        String declaredId = f.string("id", false);
        if (declaredId != null && !declaredId.equals(id)) {
            report.error(file, f.at("id"), "id '" + declaredId + "' does not match the file name '" + id + ".yaml'; remove 'id' or rename the file");
        }
        String title = f.string("title", true);
        String description = f.string("description", true);
        int weight = f.integer("weight", 0);

        List<Stage> stages = new ArrayList<>();
        List<YamlNode.Mapping> stageItems = f.mappings("stages", "stage");
        // Said once: not when 'stages' is missing (reported as missing) or not a list (reported as such).
        YamlNode stagesNode = f.node("stages");
        if (stagesNode instanceof YamlNode.Sequence seq && seq.items().isEmpty() || stagesNode instanceof YamlNode.Scalar v && v.isNull()) {
            report.error(file, f.at("stages"), "a roadmap needs at least one stage");
        }
        for (YamlNode.Mapping item : stageItems) {
            Fields s = new Fields(item, file, report, STAGE_FIELDS, "stage");
            String stageId = s.id("id", true);
            String stageTitle = s.string("title", true);
            if (stageId != null && stageTitle != null) stages.add(new Stage(stageId, stageTitle, s.string("description", false), item.at()));
        }
        if (!f.has("stages") && !f.misspelt("stages")) report.error(file, map.at(), "missing required field 'stages' (e.g. basics, intermediate, advanced)");

        List<Alternative> alternatives = new ArrayList<>();
        for (YamlNode.Mapping item : f.mappings("alternatives", "alternative group")) {
            Fields a = new Fields(item, file, report, ALTERNATIVE_FIELDS, "alternative group");
            String groupId = a.id("id", true);
            String groupTitle = a.string("title", true);
            List<Fields.Ref> nodes = a.refs("nodes");
            if (nodes.size() < 2 && a.has("nodes")) report.error(file, a.at("nodes"), "an alternative group needs at least two nodes to pick from");
            if (!a.has("nodes") && !a.misspelt("nodes")) report.error(file, item.at(), "missing required field 'nodes' (the node ids to pick one of)");
            if (groupId != null && groupTitle != null) alternatives.add(new Alternative(groupId, groupTitle, nodes, item.at()));
        }

        List<Skill> skills = new ArrayList<>();
        for (YamlNode.Mapping item : f.mappings("nodes", "node")) {
            Fields n = new Fields(item, file, report, NODE_FIELDS, "node");
            String nodeId = n.id("id", true);
            String nodeTitle = n.string("title", true);
            String stage = n.string("stage", true);
            String topic = n.string("topic", false);
            Pos topicAt = n.at("topic");
            if (topic == null && nodeId != null) topic = id + "/" + nodeId + ".md";
            List<Fields.Ref> requires = n.refs("requires");
            boolean optional = n.bool("optional", false);
            List<Resource> resources = loader.resources(n, file);
            if (nodeId != null && nodeTitle != null && stage != null) {
                skills.add(new Skill(nodeId, nodeTitle, stage, n.at("stage"), topic, topicAt, requires, optional, resources, item.at()));
            }
        }
        if (!f.has("nodes") && !f.misspelt("nodes")) report.error(file, map.at(), "missing required field 'nodes'");
        if (title == null || description == null) return null;
        return new Roadmap(id, file, title, description, weight, stages, alternatives, skills, intro);
    }
}
