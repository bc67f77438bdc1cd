package dev.sitegen.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order a learner reads a roadmap in, which gives step numbers and previous/next: a topological order of the
 * prerequisites that takes earlier stages first and, among the nodes ready at the same time, the graph's own order.
 */
public final class ReadingOrder {
    private ReadingOrder() {}

    public static List<Skill> of(Roadmap roadmap) {
        List<Skill> skills = roadmap.skills();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < skills.size(); i++) index.putIfAbsent(skills.get(i).id(), i);
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> unlocks = new HashMap<>();
        for (Skill skill : skills) {
            int count = 0;
            for (String dep : roadmap.dependencies(skill)) {
                if (!index.containsKey(dep) || dep.equals(skill.id())) continue;
                unlocks.computeIfAbsent(dep, k -> new ArrayList<>()).add(skill.id());
                count++;
            }
            waiting.put(skill.id(), count);
        }
        Comparator<Skill> priority = Comparator.<Skill>comparingInt(s -> Math.max(0, roadmap.stageIndex(s.stage())))
                .thenComparingInt(s -> index.get(s.id()));
        PriorityQueue<Skill> ready = new PriorityQueue<>(priority);
        for (Skill skill : skills) if (waiting.get(skill.id()) == 0 && index.get(skill.id()) == skills.indexOf(skill)) ready.add(skill);
        List<Skill> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!ready.isEmpty()) {
            Skill next = ready.poll();
            if (!placed.add(next.id())) continue;
            order.add(next);
            for (String id : unlocks.getOrDefault(next.id(), List.of())) {
                int left = waiting.merge(id, -1, Integer::sum);
                if (left == 0) ready.add(skills.get(index.get(id)));
            }
        }
        // A graph with a cycle has been reported already; keep the rest in file order so rendering can still go on.
        for (Skill skill : skills) if (placed.add(skill.id())) order.add(skill);
        return List.copyOf(order);
    }
}
