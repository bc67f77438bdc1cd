package dev.sitegen;

import dev.sitegen.build.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken sites fail with every problem at once, each as path:line:col and a message an editor can act on,
 * and the previous output stays exactly as it was.
 */
class BrokenSiteTest {

    @Test
    void brokenSkillGraphReportsEveryMistakeWithItsPosition(@TempDir Path tmp) {
        BuildResult result = Sites.build(Sites.fixture("broken-graph"), tmp.resolve("site"));
        assertFalse(result.ok());
        assertEquals(List.of(
                "roadmaps/web.yaml:13:5: unknown field 'requries' in node (did you mean 'requires'?); known fields: id, optional, requires, resources, stage, title, topic",
                "roadmaps/web.yaml:17:16: prerequisite cycle: js → dom → js",
                "roadmaps/web.yaml:22:5: duplicate node id 'html' (first at line 7)",
                "roadmaps/web.yaml:25:5: missing topic file topics/web/http.md for node 'http'; create it or set 'topic'",
                "roadmaps/web.yaml:27:12: unknown stage 'basic' (did you mean 'basics'?); stages: basics",
                "roadmaps/web.yaml:28:16: unknown prerequisite 'htm' (did you mean 'html'?)"), Sites.lines(result));
    }

    @Test
    void everyGraphOfManyIsCheckedAndTheSecondFileOfOneIdIsRefused(@TempDir Path tmp) throws Exception {
        // Graphs are read in parallel; what is reported must not depend on which finishes first.
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("site"));
        Path roadmaps = site.resolve("roadmaps");
        String web = Files.readString(roadmaps.resolve("web.yaml"));
        Files.writeString(roadmaps.resolve("web.yml"), web);
        for (int i = 0; i < 12; i++) {
            Files.writeString(roadmaps.resolve("r" + i + ".yaml"), "title: R" + i + "\ndescription: D.\nstages:\n  - id: s\n    title: S\n"
                    + "nodes:\n  - id: a\n    title: A\n    stage: s\n    topic: web/html.md\n    requires: [b]\n"
                    + "  - id: b\n    title: B\n    stage: s\n    topic: web/css.md\n    requires: [a]\n");
        }
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) expected.add("roadmaps/r" + i + ".yaml:11:16: prerequisite cycle: a → b → a");
        expected.sort(null);
        expected.add("roadmaps/web.yml:1:1: duplicate roadmap id 'web' (both .yaml and .yml exist)");
        for (int run = 0; run < 3; run++) {
            BuildResult result = Sites.build(site, tmp.resolve("out" + run));
            assertFalse(result.ok());
            assertEquals(expected, Sites.lines(result).stream().filter(l -> !l.contains("warning")).toList());
        }
    }

    @Test
    void yamlSyntaxErrorPointsAtTheLine(@TempDir Path tmp) {
        BuildResult result = Sites.build(Sites.fixture("bad-yaml"), tmp.resolve("site"));
        assertEquals(List.of("roadmaps/web.yaml:6:4: invalid YAML: expected <block end>, but found '<block mapping start>'"
                + " (while parsing a block collection); check the indentation of this line and the one above"), Sites.lines(result));
    }

    @Test
    void badFrontMatterIsReportedPerField(@TempDir Path tmp) {
        BuildResult result = Sites.build(Sites.fixture("bad-front-matter"), tmp.resolve("site"));
        assertEquals(List.of(
                "guides/g.md:2:1: missing required field 'date'",
                "guides/g.md:4:8: 'draft' is 'yes'; write true or false",
                "topics/web/a.md:2:14: invalid YAML: found unexpected end of stream (while scanning a quoted scalar); a quote or bracket is not closed",
                "topics/web/b.md:2:1: unknown field 'tittle' in topic front matter (did you mean 'title'?); known fields: description, resources, tags, title, updated",
                "topics/web/b.md:3:10: 'updated' is '2026-13-45', not a date; write it as YYYY-MM-DD",
                "topics/web/b.md:7:11: resource type 'vidoe' is not one of docs, article, video, course, book, tool (did you mean 'video'?)",
                "topics/web/b.md:9:10: resource url 'javascript:alert(1)' uses the scheme 'javascript'; only http and https are allowed"),
                Sites.lines(result));
    }

    @Test
    void brokenLinksAndAnchorsAndSchemesAreReported(@TempDir Path tmp) {
        BuildResult result = Sites.build(Sites.fixture("broken-links"), tmp.resolve("site"));
        assertEquals(List.of(
                "topics/web/a.md:5:9: link to missing page 'topics/web/bb.md' (did you mean 'topics/web/b.md'?)",
                "topics/web/a.md:5:28: link 'b.md#nope': no heading or element with id 'nope' on /web/b/",
                "topics/web/a.md:7:16: link to '/web/c/': no such page on this site (did you mean 'web/a/'?)",
                "topics/web/a.md:7:37: link scheme 'javascript:' is not allowed; use http, https, mailto or a relative link",
                "topics/web/a.md:7:72: link scheme 'javascript:' is not allowed; use http, https, mailto or a relative link"),
                Sites.lines(result));
    }

    @Test
    void templateErrorsNameTheTemplateLineAndColumn(@TempDir Path tmp) {
        BuildResult result = Sites.build(Sites.fixture("template-error"), tmp.resolve("site"));
        assertFalse(result.ok());
        List<String> lines = Sites.lines(result);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("theme/templates/guide.ftlh:3:"), lines.get(0));
        assertTrue(lines.get(0).contains("template syntax error"), lines.get(0));
        assertTrue(lines.get(1).startsWith("theme/templates/topic.ftlh:3:7: template error: The following has evaluated to null or missing: ==> topic.nosuch"), lines.get(1));
    }

    @Test
    void templatesCannotInstantiateClassesOrReachTheJavaApi(@TempDir Path tmp) throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("site"));
        Files.createDirectories(site.resolve("theme/templates"));
        Files.writeString(site.resolve("theme/templates/404.ftlh"), "${\"freemarker.template.utility.Execute\"?new()(\"id\")}\n");
        Files.writeString(site.resolve("theme/templates/guides.ftlh"), "${site?api.getClass()}\n");
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        List<String> lines = Sites.lines(result);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("theme/templates/404.ftlh:1:"), lines.get(0));
        assertTrue(lines.get(0).contains("Instantiating freemarker.template.utility.Execute is not allowed"), lines.get(0));
        assertTrue(lines.get(1).startsWith("theme/templates/guides.ftlh:1:"), lines.get(1));
        assertTrue(lines.get(1).contains("?api"), lines.get(1));
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteAsItWas(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        assertTrue(Sites.build(Sites.fixture("minimal"), out).ok());
        String before = Sites.text(out.resolve("web/html/index.html"));
        List<Path> filesBefore = Sites.htmlFiles(out);

        assertFalse(Sites.build(Sites.fixture("broken-links"), out).ok());
        assertFalse(Sites.build(Sites.fixture("template-error"), out).ok());

        assertEquals(before, Sites.text(out.resolve("web/html/index.html")));
        assertEquals(filesBefore, Sites.htmlFiles(out));
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith(".old")).toList(),
                    "no temporary folders are left behind");
        }
    }

    /** One mistake, one line: what follows from it (topics "unused" because their graph was unread) is not said. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "  - id: css\\n    title: CSS|  - id: css\\n\\ttitle: CSS|roadmaps/web.yaml:17:1: a tab here: tabs cannot indent YAML; use spaces",
            "  - id: css\\n    title: CSS|  - id: css\\n     title: CSS|roadmaps/web.yaml:17:11: invalid YAML: mapping values are not allowed here; check the indentation of this line and the one above",
            "stages:|stagess:|roadmaps/web.yaml:3:1: unknown field 'stagess' in skill graph (did you mean 'stages'?); known fields: alternatives, description, id, nodes, stages, title, weight",
            "\\nnodes:|\\nnode:|roadmaps/web.yaml:12:1: unknown field 'node' in skill graph (did you mean 'nodes'?); known fields: alternatives, description, id, nodes, stages, title, weight",
    })
    void aMistakeInAGraphIsReportedOnceWithoutWhatFollowsFromIt(String from, String to, String expected, @TempDir Path tmp) throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
        Path graph = site.resolve("roadmaps/web.yaml");
        String text = Files.readString(graph);
        String find = from.replace("\\n", "\n");
        assertTrue(text.contains(find), find);
        Files.writeString(graph, text.replace(find, to.replace("\\n", "\n").replace("\\t", "\t")));
        assertEquals(List.of(expected), Sites.lines(Sites.build(site, tmp.resolve("out"))));
    }

    @Test
    void missingSiteFolderAndConfigAreReportedNotThrown(@TempDir Path tmp) throws Exception {
        BuildResult none = Sites.build(tmp.resolve("nope"), tmp.resolve("out"));
        assertFalse(none.ok());
        assertTrue(Sites.lines(none).get(0).contains(": site folder not found; start a site there with init"), Sites.lines(none).toString());
        Files.createDirectories(tmp.resolve("empty"));
        BuildResult empty = Sites.build(tmp.resolve("empty"), tmp.resolve("out"));
        assertEquals(List.of("site.yaml: not found: a site folder needs site.yaml (title, description, baseUrl); init (mvn site-gen:init, or site-gen init) writes one with a first roadmap"), Sites.lines(empty));
    }

    @Test
    void aFileThatIsNotUtf8IsReportedButTheReplacementCharacterIsText(@TempDir Path tmp) throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
        Path css = site.resolve("topics/web/css.md");
        byte[] text = Files.readAllBytes(css);
        byte[] bad = java.util.Arrays.copyOf(text, text.length + 2);
        bad[text.length] = (byte) 0xC3; // a two-byte sequence cut short
        bad[text.length + 1] = '(';
        Files.write(css, bad);
        Path html = site.resolve("topics/web/html.md");
        Files.writeString(html, Files.readString(html) + "\nA replacement character: \uFFFD.\n");
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertEquals(List.of("topics/web/css.md:1:1: file is not valid UTF-8 text"), Sites.lines(result));

        Files.write(css, text);
        BuildResult fixed = Sites.build(site, tmp.resolve("out"));
        assertTrue(fixed.ok(), () -> String.join("\n", Sites.lines(fixed)));
        assertTrue(Sites.text(tmp.resolve("out/web/html/index.html")).contains("A replacement character: \uFFFD."));
    }

    @Test
    void outputFolderThatHoldsTheSourcesIsRefused(@TempDir Path tmp) {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("project/content"));
        BuildResult result = Sites.build(site, tmp.resolve("project"));
        assertFalse(result.ok());
        assertTrue(Sites.lines(result).get(0).contains("the output folder contains the site folder"), Sites.lines(result).toString());
        assertTrue(Files.exists(site.resolve("site.yaml")));
    }
}
