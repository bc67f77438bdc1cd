package dev.sitegen.content;

import dev.sitegen.problem.Problem;
import dev.sitegen.problem.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * YAML from many hands is read in bounded time and memory: aliases are refused (so "billion laughs" cannot expand),
 * nesting is limited, files are at most 4 MiB, and what a problem quotes back cannot forge or hide lines of the report.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class YamlLimitsTest {
    @TempDir
    Path site;

    private List<String> configProblems(String yaml) throws IOException {
        Files.writeString(site.resolve("site.yaml"), yaml);
        Report report = new Report(site);
        new ContentLoader(report).config(site.resolve("site.yaml"));
        return report.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aliasesAreRefusedSoABillionLaughsCannotExpand() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }
        yaml.append("title: *a9\n");
        List<String> problems = configProblems(yaml.toString());
        // Each of the 82 aliases is reported where it stands; nothing is expanded (no "lol" reaches the config).
        assertEquals(82, problems.stream().filter(p -> p.contains(": YAML aliases (*a")).count(), String.join("\n", problems));
        assertTrue(problems.contains("site.yaml:11:8: YAML aliases (*a9) are not supported; write the value out"), String.join("\n", problems));
        assertTrue(problems.stream().noneMatch(p -> p.contains("lol")), String.join("\n", problems));
    }

    @Test
    void deepNestingIsRefusedAtItsPlace() throws IOException {
        assertEquals(List.of("site.yaml:1:72: invalid YAML: nesting deeper than 64 levels"),
                configProblems("title: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 100; i++) block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        assertEquals(List.of("site.yaml:66:131: invalid YAML: nesting deeper than 64 levels"), configProblems(block.toString()));
    }

    @Test
    void filesLargerThanFourMebibytesAreRefusedUnread() throws IOException {
        Files.write(site.resolve("site.yaml"), new byte[(int) ContentLoader.MAX_FILE_BYTES + 1]);
        Report report = new Report(site);
        assertNull(new ContentLoader(report).config(site.resolve("site.yaml")));
        assertEquals(List.of("site.yaml:1:1: file is larger than 4 MiB; split it up"), report.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void quotedValuesCannotForgeOrHideReportLines() throws IOException {
        List<String> problems = configProblems("title: T\ndescription: D\nbaseUrl: https://example.org/\n"
                + "\"fake\\nsite.yaml:1:1: all good\\e[2J\\u202e\": 1\n" + "language: " + "k".repeat(50_000) + "\n");
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertEquals("site.yaml:4:1: unknown field 'fake\\u000asite.yaml:1:1: all good\\u001b[2J\\u202e' in site.yaml; known fields:"
                + " baseUrl, description, editUrl, language, markdown, menu, theme, title", problems.get(0));
        String long1 = problems.get(1);
        assertTrue(long1.startsWith("site.yaml:5:11: language 'kkkk") && long1.contains("k … k")
                && long1.endsWith("k' is not a language tag such as en or pt-BR"), long1);
        assertTrue(long1.length() < 1100, "shortened: " + long1.length());
    }
}
