package dev.sitegen.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markdown that makes flexmark overflow its stack, run for minutes or fill the memory is refused with a message at the
 * place to fix, and real writing of the same shapes, however long, still renders. The inputs are the shapes found by
 * trying flexmark 0.64.8 (before these limits: a StackOverflowError from 3,000 nested emphasis markers or 1,000 table
 * columns, 140 s for 5,000 nested lists, 6 minutes for a page of [TOC] markers, 300 MB of HTML from one long reference).
 * The timeouts only stop a hang; no assertion is about speed.
 */
class MarkdownLimitsTest {
    private final Markdown markdown = new Markdown(false);

    private String render(String body) throws Markdown.TooComplex {
        return markdown.render(body, 1, (url, at, image) -> url.startsWith("page.md") ? "/learn/page/" + url.substring(7) : url).html();
    }

    /** The position (line:col) and message of what {@code body} is refused for. */
    private String refusal(String body) {
        Markdown.TooComplex e = assertThrows(Markdown.TooComplex.class, () -> render(body));
        return e.at().line() + ":" + e.at().column() + ": " + e.getMessage();
    }

    static Stream<Arguments> hostile() {
        String tooComplex = "the Markdown is too complex to render in reasonable time (flexmark would read it more than 64 times over);"
                + " split long paragraphs, lists or tables with blank lines, or use fewer links and references in one paragraph";
        String tooDeep = "the Markdown is nested too deeply (emphasis, links, images, lists and block quotes within each other,"
                + " more than 256 levels); simplify it";
        return Stream.of(
                Arguments.of("block quotes", ">".repeat(5000) + " x\n", "1:1: lists and block quotes nested 5000 levels deep; at most 32 are allowed"),
                Arguments.of("list markers", "- ".repeat(100_000) + "x\n", "1:1: lists and block quotes nested 100000 levels deep; at most 32 are allowed"),
                Arguments.of("task items", "- [ ] ".repeat(5000) + "x\n", "1:1: lists and block quotes nested 5000 levels deep; at most 32 are allowed"),
                Arguments.of("indented lists", indentedList(200), "33:1: lists and block quotes nested 33 levels deep; at most 32 are allowed"),
                Arguments.of("quotes and lists", "text\n\n" + "> - ".repeat(3000) + "x\n", "3:1: lists and block quotes nested 6000 levels deep; at most 32 are allowed"),
                Arguments.of("emphasis", "*".repeat(100_000) + "a" + "*".repeat(100_000), "1:511: " + tooDeep),
                Arguments.of("strikethrough", "~~".repeat(2000) + "a" + "~~".repeat(2000), "1:511: " + tooDeep),
                Arguments.of("nested images", "![".repeat(50_000) + "a" + "](b)".repeat(50_000), "*: " + tooDeep),
                Arguments.of("open brackets", "[a](".repeat(250_000), "*: " + tooComplex),
                Arguments.of("reference definitions", "[a]: /b\n".repeat(100_000), "1:1: a paragraph or table of more than 2000 lines without a blank line; put blank lines between its parts"),
                Arguments.of("a long reference used often", "[a]: /" + "b".repeat(8000) + "\n\n" + "[a] ".repeat(250_000), "*: " + tooComplex),
                Arguments.of("a long rewritten reference", "[a]: page.md#" + "b".repeat(8000) + "\n\n" + "[a] ".repeat(250_000), "1:1: " + tooComplex),
                Arguments.of("a long table", "|a|b|\n|---|---|\n" + "|x|y|\n".repeat(150_000), "1:1: a paragraph or table of more than 2000 lines without a blank line; put blank lines between its parts"),
                Arguments.of("a wide table", "|" + "a|".repeat(1000) + "\n|" + "---|".repeat(1000) + "\n|x|\n", "2:1: a table with more than 128 columns; split it"),
                Arguments.of("padded table rows", "|" + "a|".repeat(128) + "\n|" + "---|".repeat(128) + "\n" + "x\n".repeat(1999) + "\n", "782:1: the tables of this page have more than 100000 cells; split the page or the tables"),
                Arguments.of("many tables of contents", "[TOC]\n\n".repeat(100_000) + "# a\n", "33:1: more than 16 [TOC] markers on one page; one is enough"),
                Arguments.of("many headings", "# h\n".repeat(200_000), "2001:1: more than 2000 headings on one page; split it into several pages"),
                Arguments.of("a huge page", "word ".repeat(220_000), "1:1: the Markdown text is longer than 1048576 characters (1 MiB); split it into several pages"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pathologicalMarkdownIsRefusedAtThePlaceToFix(String name, String body, String expected) {
        String refusal = refusal(body);
        // Where flexmark runs out of its reading budget depends on how it reads, which is its business: "*" stands for it.
        assertEquals(expected, expected.startsWith("*") ? "*" + refusal.substring(refusal.indexOf(':', refusal.indexOf(':') + 1)) : refusal);
    }

    static Stream<Arguments> generous() {
        StringBuilder table = new StringBuilder("|" + "h|".repeat(128) + "\n|" + "---|".repeat(128) + "\n");
        for (int i = 0; i < 700; i++) table.append("|").append("cell|".repeat(128)).append("\n");
        StringBuilder guide = new StringBuilder("[TOC]\n\n");
        for (int i = 0; i < 1500; i++) {
            guide.append("## Part ").append(i).append("\n\nSome *text* with a [link](https://example.org/").append(i)
                    .append(") and `code`, over a few lines\nof a normal paragraph.\n\n- a list\n- of items\n  - nested\n\n");
        }
        return Stream.of(
                Arguments.of("32 levels of lists", indentedList(32), "<li>"),
                Arguments.of("32 levels of quotes", ">".repeat(32) + " deep\n", "deep"),
                Arguments.of("200 levels of emphasis", "*".repeat(200) + "a" + "*".repeat(200), "<strong>"),
                Arguments.of("a 2000-line table", "|a|b|\n|---|---|\n" + "|x|y|\n".repeat(1998), "<td>x</td>"),
                Arguments.of("a table of 128 columns and 700 rows", table.toString(), "<td>cell</td>"),
                Arguments.of("a long guide", guide.toString(), "id=\"part-1499\""),
                Arguments.of("a thematic break of stars", "* ".repeat(100) + "\n", "<hr />"),
                Arguments.of("a fenced YAML block", "```yaml\n" + indentedList(60) + "```\n", "<code class=\"language-yaml\">"),
                Arguments.of("a 2000-line paragraph", "a line of text\n".repeat(2000), "<p>a line"),
                // Once refused: flexmark copied the whole paragraph for each match (see InlineParser); now read once.
                Arguments.of("140,000 links in one paragraph", "[a](b) ".repeat(140_000), "<a href=\"b\">a</a> <a href=\"b\">a</a>"),
                Arguments.of("200,000 backtick runs in one paragraph", "`a ``".repeat(200_000), "a <code>a</code>a <code>a</code>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generous")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void realWritingOfTheSameShapesStillRenders(String name, String body, String expected) throws Markdown.TooComplex {
        String html = render(body);
        assertTrue(html.contains(expected), name + ": " + html.substring(0, Math.min(300, html.length())));
    }

    @Test
    void positionsAreLinesOfTheFileBelowTheFrontMatter() {
        Markdown.TooComplex e = assertThrows(Markdown.TooComplex.class,
                () -> markdown.render("Intro.\n\n" + ">".repeat(40) + " deep\n", 8, (u, a, i) -> u));
        assertEquals(10, e.at().line());
        assertEquals(1, e.at().column());
    }

    /** {@code n} list items, each nested in the one above. */
    private static String indentedList(int n) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < n; i++) list.append("  ".repeat(i)).append("- item ").append(i).append('\n');
        return list.toString();
    }
}
