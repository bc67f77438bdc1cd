package dev.sitegen.graph;

import dev.sitegen.check.GraphCheck;
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
            // The two nodes of the "pick one" group share a stage, as the checker requires.
            String stage = stages.get(Math.min(2, (i == 5 ? 4 : i) * 3 / size)).id();
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
        assertLaysOutCleanly(graph);
    }

    @Test
    void everyExampleGraphLaysOutCleanly() {
        Report report = new Report(Path.of("..", "content"));
        dev.sitegen.load.Site site = new dev.sitegen.load.SiteLoader(report).load(Path.of("..", "content"));
        assertEquals(3, site.roadmaps().size());
        for (Roadmap roadmap : site.roadmaps()) assertLaysOutCleanly(roadmap);
    }

    static void assertLaysOutCleanly(Roadmap graph) {
        Report report = new Report(Path.of("."));
        GraphCheck.check(graph, report);
        assertFalse(report.hasErrors(), report.problems().toString());
        List<Skill> order = ReadingOrder.of(graph);
        assertEquals(graph.skills().size(), order.size());

        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) position.put(order.get(i).id(), i);
        for (Skill s : order) {
            for (String dep : graph.dependencies(s)) {
                assertTrue(position.get(dep) < position.get(s.id()), dep + " before " + s.id());
            }
        }

        Layout.Drawing d = Layout.of(graph, order);
        assertEquals(graph.skills().size(), d.boxes().size());
        for (int i = 0; i < d.boxes().size(); i++) {
            Layout.Box a = d.boxes().get(i);
            assertTrue(a.x() >= Layout.GUTTER && a.x() + a.width() <= d.width() && a.y() >= 0 && a.bottom() <= d.height(), "inside the drawing");
            assertTrue(Layout.boxHeight(a.lines()) <= a.height(), "the label's lines fit the box");
            for (String line : a.lines()) assertTrue(line.length() <= Layout.MAX_CHARS, "label fits: " + line);
            for (int j = i + 1; j < d.boxes().size(); j++) {
                Layout.Box b = d.boxes().get(j);
                assertTrue(apart(a.x(), a.y(), a.width(), a.height(), b.x(), b.y(), b.width(), b.height()), a.skill().id() + " overlaps " + b.skill().id());
            }
            for (Layout.Frame f : d.frames()) {
                boolean member = f.group().nodeIds().contains(a.skill().id());
                boolean inside = a.x() >= f.x() && a.y() >= f.y() && a.x() + a.width() <= f.x() + f.width() && a.bottom() <= f.y() + f.height();
                if (member) assertTrue(inside, a.skill().id() + " sits in its group's frame");
                else assertTrue(apart(a.x(), a.y(), a.width(), a.height(), f.x(), f.y(), f.width(), f.height()), a.skill().id() + " overlaps a group frame");
            }
        }
        // Stages are bands from top to bottom: every box lies in its own stage's band.
        for (Layout.Box b : d.boxes()) {
            Layout.Band band = d.bands().stream().filter(x -> x.stage().id().equals(b.skill().stage())).findFirst().orElseThrow();
            assertTrue(b.y() >= band.y() && b.bottom() <= band.y() + band.height(), b.skill().id() + " in band " + band.stage().id());
        }
        long edges = graph.skills().stream().mapToLong(s -> s.requires().size()).sum();
        assertEquals(edges, d.edges().size(), "every prerequisite is drawn");
        for (Layout.Edge e : d.edges()) {
            assertTrue(e.points().size() >= 2);
            Layout.Point end = e.points().get(e.points().size() - 1);
            Layout.Box target = d.boxes().stream().filter(b -> b.skill().id().equals(e.to())).findFirst().orElseThrow();
            assertTrue(end.x() >= target.x() && end.x() <= target.x() + target.width() && Math.abs(end.y() - target.y()) <= 1,
                    "edge " + e.from() + "->" + e.to() + " ends on the top of its box");
        }
        assertEquals(d, Layout.of(graph, ReadingOrder.of(graph)), "deterministic");
    }

    private static boolean apart(int ax, int ay, int aw, int ah, int bx, int by, int bw, int bh) {
        return ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay;
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
