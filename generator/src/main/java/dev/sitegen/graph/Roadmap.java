package dev.sitegen.graph;

import dev.sitegen.content.Page;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A skill graph as loaded from {@code roadmaps/<id>.yaml}, with its optional Markdown introduction. */
public record Roadmap(String id, Path file, String title, String description, int weight,
                      List<Stage> stages, List<Alternative> alternatives, List<Skill> skills, Page intro) {
    public Roadmap {
        stages = List.copyOf(stages);
        alternatives = List.copyOf(alternatives);
        skills = List.copyOf(skills);
    }

    public Optional<Skill> skill(String id) {
        return skills.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Alternative> alternative(String id) {
        return alternatives.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public int stageIndex(String stageId) {
        for (int i = 0; i < stages.size(); i++) if (stages.get(i).id().equals(stageId)) return i;
        return -1;
    }
}
