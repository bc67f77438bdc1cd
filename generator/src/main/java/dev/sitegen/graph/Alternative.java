package dev.sitegen.graph;

import dev.sitegen.content.Fields.Ref;
import dev.sitegen.problem.Pos;

import java.util.List;

/** A "pick one of" group. A node that requires the group is unlocked by any one of its nodes. */
public record Alternative(String id, String title, List<Ref> nodes, Pos at) {
    public Alternative {
        nodes = List.copyOf(nodes);
    }

    public List<String> nodeIds() {
        return nodes.stream().map(Ref::value).toList();
    }
}
