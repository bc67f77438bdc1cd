package dev.sitegen.graph;

import dev.sitegen.content.Fields.Ref;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layout and reading order on random skill graphs: no overlaps, every edge drawn, prerequisites first, deterministic. */
class LayoutTest {
    private static int seed = 1;

    static Roadmap randomGraph(long seed, int size) {
        Random random = new Random(seed);
        List<Stage> stages = List.of(new Stage("a", "A", null, Pos.START), new Stage("b", "B", null, Pos.START), new Stage("c", "C", null, Pos.START));
        List<Skill> skills = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Ref> requires = new ArrayList<>();
            for (int j = 0; j < i; j++) if (random.nextInt(Math.max(2, i)) == 0 && requires.size() < 3) requires.add(new Ref("n" + j, Pos.START));
            String stage = stages.get(Math.min(2, i * 3 / size)).id();
            String title = "Node " + i + (random.nextBoolean() ? " with a rather long title that wraps" : "");
            skills.add(new Skill("n" + i, title, stage, Pos.START, "r/n" + i + ".md", Pos.START, requires, random.nextInt(5) == 0, List.of(), Pos.START));
        }
        List<Alternative> groups = new ArrayList<>();
        if (size > 6) groups.add(new Alternative("g", "Pick one", List.of(new Ref("n4", Pos.START), new Ref("n5", Pos.START)), Pos.START));
        return new Roadmap("r", Path.of("r.yaml"), "R", "d", 0, stages, groups, skills, null);
    }

    @RepeatedTest(40)
    void randomGraphsLayOutCleanly() {
        Roadmap graph = randomGraph(seed++, 5 + seed % 40);
        Report report = new Report(Path.of("."));
        GraphCheck.check(graph, report);
        assertFalse(report.hasErrors(), report.problems().toString());
        List<Skill> order = ReadingOrder.of(graph);
        assertEquals(graph.skills().size(), order.size());

        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) position.put(order.get(i).id(), i);
        for (Skill s : order) {
            for (String dep : GraphCheck.dependencies(graph, s)) {
                assertTrue(position.get(dep) < position.get(s.id()), dep + " before " + s.id());
            }
        }

        Layout.Drawing d = Layout.of(graph, order);
        assertEquals(graph.skills().size(), d.boxes().size());
        for (int i = 0; i < d.boxes().size(); i++) {
            Layout.Box a = d.boxes().get(i);
            assertTrue(a.x() >= 0 && a.x() + a.width() <= d.width(), "inside the drawing");
            for (String line : a.lines()) assertTrue(line.length() <= Layout.MAX_CHARS, "label fits: " + line);
            for (int j = i + 1; j < d.boxes().size(); j++) {
                Layout.Box b = d.boxes().get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y();
                assertTrue(apart, a.skill().id() + " overlaps " + b.skill().id());
            }
        }
        long edges = graph.skills().stream().mapToLong(s -> s.requires().size()).sum();
        assertEquals(edges, d.edges().size(), "every prerequisite is drawn");
        assertEquals(d, Layout.of(graph, ReadingOrder.of(graph)), "deterministic");
    }

    @Test
    void stagesComeFirstThenPrerequisitesThenFileOrder() {
        Roadmap graph = randomGraph(7, 12);
        List<Skill> order = ReadingOrder.of(graph);
        for (int i = 1; i < order.size(); i++) {
            int before = graph.stageIndex(order.get(i - 1).stage());
            int after = graph.stageIndex(order.get(i).stage());
            assertTrue(before <= after, "stage order kept at " + i);
        }
    }

    @Test
    void longWordsAreBrokenAndShortTitlesStayOnOneLine() {
        assertEquals(List.of("HTTP"), Layout.wrap("HTTP"));
        assertEquals(List.of("Data structures and", "algorithms"), Layout.wrap("Data structures and algorithms"));
        for (String line : Layout.wrap("Supercalifragilisticexpialidocious words")) assertTrue(line.length() <= Layout.MAX_CHARS, line);
    }
}
