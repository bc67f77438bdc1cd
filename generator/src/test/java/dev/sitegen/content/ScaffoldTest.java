package dev.sitegen.content;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.SiteGenerator;
import dev.sitegen.problem.Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** site-gen new: valid files, a topic added to its graph with the graph's comments and layout kept, no overwriting. */
class ScaffoldTest {
    @TempDir
    Path tmp;
    Path site;
    Report report;

    @BeforeEach
    void copy() throws Exception {
        site = dev.sitegen.Sites.copy(dev.sitegen.Sites.fixture("minimal"), tmp.resolve("content"));
        report = new Report(site);
    }

    List<String> create(String kind, String roadmap, String name) {
        return new Scaffold(site, report, LocalDate.of(2026, 11, 24)).create(kind, roadmap, name, null);
    }

    BuildResult build() {
        return new SiteGenerator().build(new BuildRequest(site, tmp.resolve("out")));
    }

    @Test
    void aNewTopicIsAddedToItsGraphAndTheSiteStillBuilds() throws Exception {
        Path graph = site.resolve("roadmaps/web.yaml");
        Files.writeString(graph, "# Web basics, kept by hand\n" + Files.readString(graph));
        String before = Files.readString(graph);
        assertEquals(List.of("topics/web/message-queues.md", "roadmaps/web.yaml"), create("topic", "web", "Message queues"));
        String after = Files.readString(graph);
        assertTrue(after.startsWith(before.stripTrailing()), "the graph's text is kept as it was, the node added at the end");
        assertTrue(after.endsWith("  - id: message-queues\n    title: \"Message queues\"\n    stage: basics\n"), "in the first stage: " + after);
        assertTrue(Files.readString(site.resolve("topics/web/message-queues.md")).contains("updated: 2026-11-24"));
        BuildResult result = build();
        assertTrue(result.ok(), result.problems().toString());
        assertTrue(Files.exists(tmp.resolve("out/web/message-queues/index.html")));
    }

    @Test
    void aTopicGoesToTheStageGivenAndTheOnlyRoadmapNeedsNoName() throws Exception {
        assertEquals(List.of("topics/web/grid.md", "roadmaps/web.yaml"),
                new Scaffold(site, report, LocalDate.of(2026, 11, 24)).create("topic", null, "Grid", "next"));
        assertTrue(Files.readString(site.resolve("roadmaps/web.yaml")).endsWith("  - id: grid\n    title: \"Grid\"\n    stage: next\n"));
        assertTrue(report.problems().isEmpty(), report.problems().toString());
    }

    @Test
    void aNodeInTheGraphWithoutAPageGetsItsPageAndTheGraphIsLeftAlone() throws Exception {
        Path graph = site.resolve("roadmaps/web.yaml");
        String before = Files.readString(graph);
        Files.delete(site.resolve("topics/web/layout.md"));
        assertFalse(build().ok(), "a node without a page is an error");

        assertEquals(List.of("topics/web/layout.md"), create("topic", "web", "page layout"), "found by its title, in any case");
        assertEquals(before, Files.readString(graph));
        assertTrue(Files.readString(site.resolve("topics/web/layout.md")).startsWith("---\ntitle: \"Page layout\"\n"));
        BuildResult result = build();
        assertTrue(result.ok(), result.problems().toString());

        assertEquals(List.of(), create("topic", "web", "layout"), "found by its id; the page exists now");
        assertEquals(List.of("topics/web/layout.md: already exists; not overwritten"), report.problems().stream().map(Object::toString).toList());
    }

    @Test
    void flowStyleNodesGetAFlowStyleNode() throws Exception {
        Path graph = site.resolve("roadmaps/flow.yaml");
        Files.writeString(graph, "title: Flow\ndescription: Compact.\nstages:\n  - {id: one, title: One}\nnodes:\n  - {id: a, title: A, stage: one}\n\n# the end\n");
        Files.createDirectories(site.resolve("topics/flow"));
        Files.writeString(site.resolve("topics/flow/a.md"), "---\ndescription: A.\nupdated: 2026-11-20\n---\nA.\n");
        create("topic", "flow", "B: the sequel");
        assertEquals("title: Flow\ndescription: Compact.\nstages:\n  - {id: one, title: One}\nnodes:\n  - {id: a, title: A, stage: one}\n"
                + "  - {id: b-the-sequel, title: \"B: the sequel\", stage: one}\n\n# the end\n", Files.readString(graph));
        assertTrue(build().ok());
    }

    @Test
    void roadmapsAndGuidesAreMadeValid() {
        assertEquals(List.of("roadmaps/career-ladder.yaml"), create("roadmap", null, "Career ladder"));
        assertEquals(List.of("guides/first-week.md"), create("guide", null, "First week"));
        assertEquals(List.of("topics/career-ladder/junior.md", "roadmaps/career-ladder.yaml"), create("topic", "career-ladder", "Junior"));
        BuildResult result = build();
        assertTrue(result.ok(), result.problems().toString());
    }

    /** A value given on the command line is one value in the file it lands in, whatever it holds. */
    @Test
    void optionValuesCannotAddFieldsOrEndTheFrontMatter() throws Exception {
        String graphBefore = Files.readString(site.resolve("roadmaps/web.yaml"));
        for (String stage : List.of("basics, optional: true", "next\n  requires: [html]", "basics}", "nope", "\"basics\"")) {
            assertEquals(List.of(), new Scaffold(site, report, LocalDate.of(2026, 11, 24)).create("topic", "web", "Queues", stage));
        }
        assertEquals(graphBefore, Files.readString(site.resolve("roadmaps/web.yaml")), "the graph is not touched");
        assertFalse(Files.exists(site.resolve("topics/web/queues.md")));
        assertEquals(5, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().equals(
                "stage 'basics, optional: true' is not a stage of roadmap 'web'; its stages are basics, next")), report.problems().toString());

        report = new Report(site);
        String title = "Queues\n---\nlayout: evil\r\u2028\u0085\u0007 \"quoted\" \\ end";
        assertEquals(List.of("topics/web/queues-layout-evil-quoted-end.md", "roadmaps/web.yaml"),
                new Scaffold(site, report, LocalDate.of(2026, 11, 24)).create("topic", "web", title, "basics"));
        assertEquals(List.of("guides/queues-layout-evil-quoted-end.md"), create("guide", null, title));
        assertEquals(List.of("roadmaps/queues-layout-evil-quoted-end.yaml"), create("roadmap", null, title));
        String topic = Files.readString(site.resolve("topics/web/queues-layout-evil-quoted-end.md"));
        assertEquals(2, topic.lines().filter(l -> l.equals("---")).count(), topic);
        BuildResult result = build();
        assertTrue(result.ok(), result.problems().toString());
        String page = Files.readString(tmp.resolve("out/web/queues-layout-evil-quoted-end/index.html"));
        assertTrue(page.contains("Queues\n---\nlayout: evil") || page.contains("Queues ---"), "the title is read back whole");
    }

    @Test
    void nothingIsOverwritten() throws Exception {
        String html = Files.readString(site.resolve("topics/web/html.md"));
        assertEquals(List.of(), create("topic", "web", "HTML"));
        assertEquals(html, Files.readString(site.resolve("topics/web/html.md")));
        assertTrue(report.problems().get(0).message().equals("already exists; not overwritten"), report.problems().toString());
        assertEquals(List.of(), create("topic", "nope", "X"));
        assertEquals(List.of(), create("page", null, "X"));
    }
}
