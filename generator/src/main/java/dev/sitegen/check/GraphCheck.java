package dev.sitegen.check;

import dev.sitegen.content.Fields.Ref;
import dev.sitegen.graph.Alternative;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.graph.Stage;
import dev.sitegen.problem.Report;
import dev.sitegen.problem.Suggest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a skill graph's cross-references: unique ids, known stages and prerequisites, groups, and no cycles. */
public final class GraphCheck {
    private GraphCheck() {}

    public static void check(Roadmap roadmap, Report report) {
        var file = roadmap.file();
        Set<String> stageIds = new LinkedHashSet<>();
        for (Stage stage : roadmap.stages()) {
            if (!stageIds.add(stage.id())) report.error(file, stage.at(), "duplicate stage id '" + stage.id() + "'");
        }
        Map<String, Skill> nodes = new LinkedHashMap<>();
        for (Skill skill : roadmap.skills()) {
            Skill first = nodes.putIfAbsent(skill.id(), skill);
            if (first != null) {
                report.error(file, skill.at(), "duplicate node id '" + skill.id() + "' (first at line " + first.at().line() + ")");
            }
            if (!stageIds.isEmpty() && !stageIds.contains(skill.stage())) {
                report.error(file, skill.stageAt(), "unknown stage '" + skill.stage() + "'" + Suggest.didYouMean(skill.stage(), stageIds)
                        + "; stages: " + String.join(", ", stageIds));
            }
        }
        Map<String, Alternative> groups = new LinkedHashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (Alternative group : roadmap.alternatives()) {
            if (nodes.containsKey(group.id()) || groups.putIfAbsent(group.id(), group) != null) {
                report.error(file, group.at(), "duplicate id '" + group.id() + "': alternative groups and nodes share one set of ids");
            }
            for (Ref member : group.nodes()) {
                // A graph without nodes has had its 'nodes' reported (missing or misspelt): every member would be unknown.
                if (nodes.isEmpty()) break;
                if (!nodes.containsKey(member.value())) {
                    report.error(file, member.at(), "unknown node '" + member.value() + "' in alternative group '" + group.id() + "'"
                            + Suggest.didYouMean(member.value(), nodes.keySet()));
                } else if (groupOf.putIfAbsent(member.value(), group.id()) != null && !groupOf.get(member.value()).equals(group.id())) {
                    report.error(file, member.at(), "node '" + member.value() + "' is already in alternative group '" + groupOf.get(member.value()) + "'");
                }
            }
        }
        for (Alternative group : roadmap.alternatives()) {
            Set<String> stages = new LinkedHashSet<>();
            group.nodeIds().stream().map(nodes::get).filter(n -> n != null).forEach(n -> stages.add(n.stage()));
            if (stages.size() > 1) {
                report.error(file, group.at(), "the nodes of alternative group '" + group.id() + "' are in different stages ("
                        + String.join(", ", stages) + "); a reader picks one of them at one point of the path, so put them in one stage");
            }
        }
        Set<String> known = new LinkedHashSet<>(nodes.keySet());
        known.addAll(groups.keySet());
        for (Skill skill : roadmap.skills()) {
            Set<String> seen = new HashSet<>();
            for (Ref ref : skill.requires()) {
                if (!seen.add(ref.value())) {
                    report.warn(file, ref.at(), "'" + skill.id() + "' lists prerequisite '" + ref.value() + "' twice");
                } else if (ref.value().equals(skill.id()) || ref.value().equals(groupOf.get(skill.id()))) {
                    report.error(file, ref.at(), "node '" + skill.id() + "' requires itself");
                } else if (!known.contains(ref.value())) {
                    report.error(file, ref.at(), "unknown prerequisite '" + ref.value() + "'" + Suggest.didYouMean(ref.value(), known));
                } else if (nodes.containsKey(ref.value()) || groups.containsKey(ref.value())) {
                    int own = roadmap.stageIndex(skill.stage());
                    int theirs = prerequisiteStage(roadmap, ref.value());
                    if (own >= 0 && theirs > own) {
                        report.warn(file, ref.at(), "'" + skill.id() + "' requires '" + ref.value() + "', which is in a later stage");
                    }
                }
            }
        }
        reportCycles(roadmap, report);
    }

    private static int prerequisiteStage(Roadmap roadmap, String id) {
        return roadmap.skill(id).map(s -> roadmap.stageIndex(s.stage()))
                .orElseGet(() -> roadmap.alternative(id).map(g -> g.nodeIds().stream()
                        .mapToInt(n -> roadmap.skill(n).map(s -> roadmap.stageIndex(s.stage())).orElse(-1)).min().orElse(-1)).orElse(-1));
    }

    /**
     * A depth-first walk along the prerequisites that reports each cycle once. It keeps its own stack: a chain of
     * thousands of nodes, each requiring the next, would overflow the thread's.
     */
    private static void reportCycles(Roadmap roadmap, Report report) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        Set<Set<String>> reported = new HashSet<>();
        for (Skill skill : roadmap.skills()) {
            List<String> path = new ArrayList<>();
            Deque<Iterator<String>> pending = new ArrayDeque<>();
            enter(roadmap, skill.id(), path, pending, state, reported, report);
            while (!pending.isEmpty()) {
                if (pending.peek().hasNext()) {
                    enter(roadmap, pending.peek().next(), path, pending, state, reported, report);
                } else {
                    pending.pop();
                    state.put(path.remove(path.size() - 1), 2);
                }
            }
        }
    }

    /** Steps onto {@code id}: reports a cycle if it is on the path already, else puts it and its prerequisites on the stack. */
    private static void enter(Roadmap roadmap, String id, List<String> path, Deque<Iterator<String>> pending,
                              Map<String, Integer> state, Set<Set<String>> reported, Report report) {
        Integer s = state.get(id);
        if (s != null && s == 2) return;
        var skill = roadmap.skill(id);
        if (skill.isEmpty()) return;
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.lastIndexOf(id), path.size()));
            cycle.add(id);
            if (reported.add(new HashSet<>(cycle))) {
                Skill first = roadmap.skill(cycle.get(0)).orElseThrow();
                var at = first.requires().stream().filter(r -> r.value().equals(cycle.get(1))
                        || roadmap.alternative(r.value()).map(g -> g.nodeIds().contains(cycle.get(1))).orElse(false))
                        .findFirst().map(Ref::at).orElse(first.at());
                report.error(roadmap.file(), at, "prerequisite cycle: " + String.join(" → ", cycle));
            }
            return;
        }
        state.put(id, 1);
        path.add(id);
        pending.push(roadmap.dependencies(skill.get()).iterator());
    }
}
