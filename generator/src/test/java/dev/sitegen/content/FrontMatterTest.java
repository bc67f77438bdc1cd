package dev.sitegen.content;

import dev.sitegen.problem.Report;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontMatterTest {

    @Test
    void splitsTheYamlBlockAndKnowsWhereTheBodyStarts() {
        FrontMatter fm = FrontMatter.split("---\ntitle: A\n---\nBody\n");
        assertEquals("title: A\n", fm.yaml());
        assertEquals("Body\n", fm.body());
        assertEquals(4, fm.bodyLine());
    }

    @Test
    void noFrontMatterMeansTheWholeFileIsBody() {
        FrontMatter fm = FrontMatter.split("# Title\n");
        assertNull(fm.yaml());
        assertEquals(1, fm.bodyLine());
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreAccepted() {
        FrontMatter fm = FrontMatter.split("\uFEFF---\r\ntitle: A\r\n---\r\nBody");
        assertEquals("title: A\n", fm.yaml());
        assertEquals("Body", fm.body());
    }

    @Test
    void unclosedBlockIsFlagged() {
        assertTrue(FrontMatter.split("---\ntitle: A\nBody").unclosed());
    }

    @Test
    void yamlOneOneBooleansStayStringsAndDatesAndNestingAreKept() {
        Yaml.Result r = new Yaml().parse("a: yes\nb: no\nc: on\nd: 2026-11-20\ne:\n  f: [1, 2]\n", 0);
        assertTrue(r.failures().isEmpty());
        YamlNode.Mapping m = (YamlNode.Mapping) r.root();
        assertEquals("yes", ((YamlNode.Scalar) m.values().get("a")).text());
        assertEquals("no", ((YamlNode.Scalar) m.values().get("b")).text());
        assertEquals("on", ((YamlNode.Scalar) m.values().get("c")).text());
        Report report = new Report(Path.of("."));
        Fields f = new Fields(m, Path.of("x.md"), report, java.util.Set.of("a", "b", "c", "d", "e"), "test");
        assertEquals(java.time.LocalDate.of(2026, 11, 20), f.date("d", true));
        YamlNode.Mapping e = (YamlNode.Mapping) m.values().get("e");
        assertEquals(2, ((YamlNode.Sequence) e.values().get("f")).items().size());
        assertFalse(report.hasErrors());
    }

    @Test
    void positionsAreOneBasedAndShiftedForFrontMatter() {
        Yaml.Result r = new Yaml().parse("title: A\nlist:\n  - x\n", 1);
        YamlNode.Mapping m = (YamlNode.Mapping) r.root();
        assertEquals(2, m.keys().get("title").line());
        assertEquals(1, m.keys().get("title").column());
        YamlNode x = ((YamlNode.Sequence) m.values().get("list")).items().get(0);
        assertEquals(4, x.at().line());
        assertEquals(5, x.at().column());
    }

    @Test
    void duplicateKeysAndAliasesAreReported() {
        Yaml.Result dup = new Yaml().parse("a: 1\na: 2\n", 0);
        assertEquals("duplicate key 'a' (first at line 1)", dup.failures().get(0).message());
        Yaml.Result alias = new Yaml().parse("a: &x [1]\nb: *x\n", 0);
        assertTrue(alias.failures().get(0).message().startsWith("YAML aliases"), alias.failures().toString());
    }
}
