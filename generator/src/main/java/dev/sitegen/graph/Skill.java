package dev.sitegen.graph;

import dev.sitegen.content.Fields.Ref;
import dev.sitegen.content.Resource;
import dev.sitegen.problem.Pos;

import java.util.List;

/**
 * One node of a skill graph. {@code topic} is the topic file's path below {@code topics/} ({@code backend/http.md});
 * {@code requires} names nodes or alternative groups of the same graph.
 */
public record Skill(String id, String title, String stage, Pos stageAt, String topic, Pos topicAt,
                    List<Ref> requires, boolean optional, List<Resource> resources, Pos at) {
    public Skill {
        requires = List.copyOf(requires);
        resources = List.copyOf(resources);
    }
}
