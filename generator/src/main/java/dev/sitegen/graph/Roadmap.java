package dev.sitegen.graph;

import dev.sitegen.content.Fields.Ref;
import dev.sitegen.content.Page;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A skill graph as loaded from {@code roadmaps/<id>.yaml}, with its optional Markdown introduction. Lookups by id go
 * through maps made once ({@code index}): a 10,000-page site asks them millions of times.
 */
public record Roadmap(String id, Path file, String title, String description, int weight,
                      List<Stage> stages, List<Alternative> alternatives, List<Skill> skills, Page intro, Index index) {

    /** Nodes, groups and stages by id; the first of duplicates wins (duplicates are reported by the check stage). */
    public record Index(Map<String, Skill> skills, Map<String, Alternative> alternatives, Map<String, Integer> stages) {}

    public Roadmap {
        stages = List.copyOf(stages);
        alternatives = List.copyOf(alternatives);
        skills = List.copyOf(skills);
    }

    public Roadmap(String id, Path file, String title, String description, int weight,
                   List<Stage> stages, List<Alternative> alternatives, List<Skill> skills, Page intro) {
        this(id, file, title, description, weight, stages, alternatives, skills, intro, index(stages, alternatives, skills));
    }

    private static Index index(List<Stage> stages, List<Alternative> alternatives, List<Skill> skills) {
        Map<String, Skill> bySkill = new HashMap<>();
        skills.forEach(s -> bySkill.putIfAbsent(s.id(), s));
        Map<String, Alternative> byGroup = new HashMap<>();
        alternatives.forEach(a -> byGroup.putIfAbsent(a.id(), a));
        Map<String, Integer> byStage = new HashMap<>();
        for (int i = 0; i < stages.size(); i++) byStage.putIfAbsent(stages.get(i).id(), i);
        return new Index(Map.copyOf(bySkill), Map.copyOf(byGroup), Map.copyOf(byStage));
    }

    public Optional<Skill> skill(String id) {
        return Optional.ofNullable(index.skills().get(id));
    }

    public Optional<Alternative> alternative(String id) {
        return Optional.ofNullable(index.alternatives().get(id));
    }

    /** The node ids a node depends on, with alternative groups expanded into their nodes. */
    public List<String> dependencies(Skill skill) {
        List<String> out = new ArrayList<>();
        for (Ref ref : skill.requires()) {
            var group = alternative(ref.value());
            if (group.isPresent()) out.addAll(group.get().nodeIds());
            else out.add(ref.value());
        }
        return out;
    }

    /** True when {@code skill} requires {@code id} directly or through an alternative group. */
    public boolean dependsOn(Skill skill, String id) {
        return dependencies(skill).contains(id);
    }

    public int stageIndex(String stageId) {
        return index.stages().getOrDefault(stageId, -1);
    }
}
