package dev.sitegen.content;

import dev.sitegen.problem.Pos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Markdown dialect editors get: CommonMark plus GFM tables, strikethrough, task lists, autolinks, footnotes, ids. */
class MarkdownTest {
    private final Markdown markdown = new Markdown(false);

    private String html(String md) throws Markdown.TooComplex {
        return markdown.render(md, 1, (url, at, image) -> url).html();
    }

    @Test
    void gfmExtensions() throws Markdown.TooComplex {
        assertTrue(html("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<table>"));
        assertTrue(html("~~gone~~").contains("<del>gone</del>"));
        assertTrue(html("- [x] done\n- [ ] todo\n").contains("type=\"checkbox\""));
        assertTrue(html("see https://example.org now").contains("<a href=\"https://example.org\">"));
        String footnote = html("Text[^1].\n\n[^1]: The note.\n");
        assertTrue(footnote.contains("footnote"), footnote);
    }

    @Test
    void autolinkPassIsSkippedOnlyWhereItWouldLinkNothing() throws Exception {
        assertTrue(html("write to ops@example.org").contains("href=\"mailto:ops@example.org\""));
        assertTrue(html("at www.example.org today").contains("<a href=\"http://www.example.org\">"));
        assertTrue(html("x ftp://files.example.org/a").contains("<a href=\"ftp://files.example.org/a\">"));
        // Texts without "://", "www." or "@" render the same with the pass as without it: the example site's pages,
        // and random texts made of the characters links are made of.
        List<String> bodies = new ArrayList<>();
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("../content"))) {
            for (var p : walk.filter(f -> f.toString().endsWith(".md")).toList()) bodies.add(java.nio.file.Files.readString(p));
        }
        java.util.Random random = new java.util.Random(7);
        String alphabet = "wW.:/@ ahtpsfx-_[]()<>*`\n#";
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            bodies.add(b.toString());
        }
        int skipped = 0;
        for (String body : bodies) {
            if (Markdown.mayAutolink(body)) continue;
            skipped++;
            assertEquals(markdown.render(body, 1, (u, a, i) -> u, true).html(), markdown.render(body, 1, (u, a, i) -> u, false).html(), body);
        }
        assertTrue(skipped > 1000, "only " + skipped + " texts without link triggers");
    }

    @Test
    void ownParsingRendersWhatFlexmarksWould() throws Exception {
        // The example site's pages, and random texts of the characters inline Markdown is made of: links, references,
        // code spans, emphasis, autolinks, entities and escapes, NUL and non-ASCII characters; text in quotes and lists (not
        // one stretch of the body); and tables, alone, in quotes and lists, after prose.
        List<String> bodies = new ArrayList<>();
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("../content"))) {
            for (var p : walk.filter(f -> f.toString().endsWith(".md")).toList()) bodies.add(java.nio.file.Files.readString(p));
        }
        java.util.Random random = new java.util.Random(11);
        String[] parts = {"[", "]", "(", ")", "<", ">", "`", "``", "*", "_", "~~", "!", "\\", "&amp;", "&#", ";", "\"", "'",
                " ", "\n", "\n\n", "a", "b.md", "https://x.org", "www.y.org", "m@z.org", ":", "[^1]", "[x]: /u \"t\"\n", "| a |",
                "|", "\n| a | b |\n| --- | :-: |\n", "\n---|---\n", "\n> | q |\n> |---|\n", "\n- | l |\n  | - |\n", "\t|", "\\|",
                "\0", "é", "\u00a0", "\uD83D\uDE00", "\n> quoted ", "\n  - listed "};
        int tables = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) b.append(parts[random.nextInt(parts.length)]);
            bodies.add(b.toString());
        }
        Markdown own = Markdown.withFlexmarkHtml(false);
        Markdown stock = Markdown.withFlexmarkParser();
        List<String> seenOwn = new ArrayList<>();
        List<String> seenStock = new ArrayList<>();
        for (String body : bodies) {
            seenOwn.clear();
            seenStock.clear();
            String html = render(own, body, seenOwn);
            assertEquals(render(stock, body, seenStock), html, body);
            assertEquals(seenStock, seenOwn, body);
            if (html.contains("<table>")) tables++;
        }
        assertTrue(tables > 300, tables + " texts with a table");
    }

    @Test
    void ownHtmlIsWhatFlexmarksRendererWrites() throws Exception {
        // The example site's pages, and random texts of block and inline Markdown: lists in quotes, code in lists,
        // tables, headings, breaks, entities, and the things BodyHtml leaves to flexmark (footnotes, task lists, raw
        // HTML, references, a [TOC], white space at the start of a line).
        List<String> site = new ArrayList<>();
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("../content"))) {
            for (var p : walk.filter(f -> f.toString().endsWith(".md")).toList()) site.add(FrontMatter.split(java.nio.file.Files.readString(p)).body());
        }
        List<String> random = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(13);
        String[] parts = {"\n", "\n\n", "\n- ", "\n  - ", "\n1. ", "\n3) ", "\n> ", "> ", "\n## ", "# ", "\nTitle\n---\n",
                "\n```java\n", "\n```\n", "\n~~~\n", "\n    ", "\t", "\n| a | b |\n| --- | :-: |\n| c ", "| d |", "\n***\n",
                "  \n", "\\\n", "&#10;", "&#32;", "&amp;", "&copy;", "&bogus;", " ", "  ", "word", "Other words", "[^1]", "\n[^1]: note\n",
                "- [ ] ", "- [x] ", "<b>", "<div>\n", "`", "``", "*", "_", "**", "~~", "[a](/u \"t&q\")", "[b](<c d> 'e')", "![i *j*](p.png)",
                "![k](q.png \"r\")", "<http://x.org/?a&b>", "https://y.org", "www.w.org", "m@z.org", "\\*", "\"", "'", "<", "&", "\r\n",
                "[TOC]", "[r]", "\n[r]: /s\n", "[s][r]", "\n\t- "};
        for (int i = 0; i < 4000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = rnd.nextInt(50); n > 0; n--) b.append(parts[rnd.nextInt(parts.length)]);
            random.add(b.toString());
        }
        Markdown stock = Markdown.withFlexmarkHtml(false);
        int ownSite = 0;
        int ownRandom = 0;
        for (String body : site) {
            assertEquals(render(stock, body, new ArrayList<>()), render(markdown, body, new ArrayList<>()), body);
            if (markdown.ownHtmlRenders(body)) ownSite++;
        }
        for (String body : random) {
            assertEquals(render(stock, body, new ArrayList<>()), render(markdown, body, new ArrayList<>()), body);
            if (markdown.ownHtmlRenders(body)) ownRandom++;
        }
        // Most pages take the fast path; the random texts take both.
        assertTrue(ownSite * 10 >= site.size() * 9, ownSite + " of " + site.size() + " example pages");
        assertTrue(ownRandom > 400 && ownRandom < random.size() - 400, ownRandom + " of " + random.size() + " random texts");
        // With raw HTML allowed, too: bodies with HTML go to flexmark, the rest render the same.
        Markdown trusting = new Markdown(true);
        Markdown trustingStock = Markdown.withFlexmarkHtml(true);
        for (String body : random) {
            assertEquals(render(trustingStock, body, new ArrayList<>()), render(trusting, body, new ArrayList<>()), body);
        }
    }

    /** The HTML, or the refusal, and every link the rewriter saw with its position. */
    private static String render(Markdown m, String body, List<String> seen) {
        try {
            return m.render(body, 1, (u, a, i) -> {
                seen.add(u + "@" + a.line() + ":" + a.column());
                return u;
            }).html();
        } catch (Markdown.TooComplex e) {
            return "refused: " + e.getMessage();
        }
    }

    @Test
    void headingsGetGithubStyleIdsWithAnchorLinks() throws Markdown.TooComplex {
        Markdown.Rendered r = markdown.render("## Isolation levels\n\n### What's `SQL`?\n", 1, (u, a, i) -> u);
        assertEquals(List.of("isolation-levels", "whats-sql"), r.headings().stream().map(Markdown.Heading2::id).toList());
        assertTrue(r.html().contains("<h2 id=\"isolation-levels\"><a href=\"#isolation-levels\" class=\"anchor\">Isolation levels</a></h2>"), r.html());
    }

    @Test
    void tableOfContentsMarker() throws Markdown.TooComplex {
        assertTrue(html("[TOC]\n\n## One\n\n## Two\n").contains("href=\"#one\""));
    }

    @Test
    void rawHtmlIsShownAsTextUnlessAllowed() throws Markdown.TooComplex {
        String escaped = html("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>");
        assertFalse(escaped.contains("<script>"), escaped);
        assertFalse(escaped.contains("<b onclick"), escaped);
        assertTrue(escaped.contains("&lt;script&gt;"), escaped);
        String trusted = new Markdown(true).render("<aside>note</aside>\n", 1, (u, a, i) -> u).html();
        assertTrue(trusted.contains("<aside>note</aside>"), trusted);
    }

    @Test
    void linksGoThroughTheRewriterWithTheirPositions() throws Markdown.TooComplex {
        List<String> seen = new ArrayList<>();
        Markdown.Rendered r = markdown.render("intro\n\nSee [a](a.md) and ![b](b.png).\n\n[c]: c.md\n[use][c]\n", 10,
                (url, at, image) -> {
                    seen.add(url + "@" + at.line() + ":" + at.column() + (image ? " image" : ""));
                    return "/x/" + url;
                });
        assertEquals(List.of("a.md@12:9", "b.png@12:24 image", "c.md@14:6"), seen);
        assertTrue(r.html().contains("href=\"/x/a.md\""));
        assertTrue(r.html().contains("src=\"/x/b.png\""));
        assertTrue(r.html().contains("href=\"/x/c.md\""));
    }

    @Test
    void lineIndexMapsOffsetsToLinesAndColumns() {
        LineIndex lines = new LineIndex(MarkdownLimits.scan("ab\ncd\n", "ab\ncd\n".toCharArray()).lineStarts(), 5);
        assertEquals(new Pos(5, 1), lines.at(0));
        assertEquals(new Pos(6, 2), lines.at(4));
        assertEquals(new Pos(7, 1), lines.at(6));
    }
}
