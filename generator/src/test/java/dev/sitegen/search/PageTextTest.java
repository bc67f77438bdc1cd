package dev.sitegen.search;

import dev.sitegen.content.FrontMatter;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.SectionText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What search reads of a page: its text by section, white space made single spaces, code and scripts left out. */
class PageTextTest {
    @Test
    void cutsAtHeadingsWithIdsAndLeavesOutCode() {
        String html = "<p>Intro  text,\n<em>really</em>.</p><h2 id=\"setup\">Set <code>up</code><a href=\"#setup\">#</a></h2>"
                + "<p>Run&nbsp;it &amp; see.</p><pre><code>not this</code></pre><ul><li>one</li><li>two</li></ul>"
                + "<h3>No id</h3><p>still setup</p>";
        assertEquals(List.of(
                new SectionText.Section("", "", "Intro text, really."),
                new SectionText.Section("setup", "Set up#", "Run it & see. one two No id still setup")), PageText.sections(html));
    }

    @Test
    void whiteSpaceAgreesWithAPlainReadingOnRandomText() {
        String[] parts = {"ab", "c", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u001c", "\u000b", "&amp;",
                "&nbsp;", "<em>", "</em>", "<p>", "</p>", "<br>", "\u00e9", "x y"};
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder html = new StringBuilder();
            int n = random.nextInt(14);
            for (int i = 0; i < n; i++) html.append(parts[random.nextInt(parts.length)]);
            String text = html.toString();
            assertEquals(List.of(new SectionText.Section("", "", plain(text))), PageText.sections(text), text);
        }
    }

    @Test
    void textWrittenWithABodyIsWhatSearchReadsFromItsHtml() throws Exception {
        // The example site's pages, and random Markdown of every kind BodyHtml writes (and some it leaves to flexmark):
        // headings, code, lists, quotes, tables, breaks, entities, images, links, white space of every sort.
        List<String> bodies = new ArrayList<>();
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("../content"))) {
            for (var p : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                bodies.add(FrontMatter.split(java.nio.file.Files.readString(p)).body());
            }
        }
        Random random = new Random(17);
        String[] parts = {"\n", "\n\n", "\n- ", "\n  - ", "\n1. ", "\n3) ", "\n> ", "> ", "\n## ", "# ", "\nTitle\n---\n", "\n### A *b* `c`\n",
                "\n```java\n", "\n```\n", "\n~~~\n", "\n    ", "\t", "\n| a | b |\n| --- | :-: |\n| c ", "| d |", "\n***\n",
                "  \n", "\\\n", "&#10;", "&#32;", "&amp;", "&nbsp;", "&copy;", "&bogus;", " ", "  ", "word", "Other words", "\u00a0", "\u2003",
                "caf\u00e9", "- [ ] ", "`", "``", "*", "_", "**", "~~", "[a](/u \"t&q\")", "![i *j*](p.png)", "<http://x.org/?a&b>",
                "https://y.org", "m@z.org", "\\*", "\"", "'", "<", ">", "&", "\r\n", "[r]", "<b>", "<pre>x</pre>", "<!-- c -->"};
        int sitePages = bodies.size();
        for (int i = 0; i < 4000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(50); n > 0; n--) b.append(parts[random.nextInt(parts.length)]);
            bodies.add(b.toString());
        }
        int writtenSite = 0;
        int writtenRandom = 0;
        for (boolean allowHtml : new boolean[] {false, true}) {
            Markdown markdown = new Markdown(allowHtml);
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i);
                Markdown.Rendered r;
                try {
                    r = markdown.renderWithText(body, 1, (url, at, image) -> url);
                } catch (Markdown.TooComplex e) {
                    continue;
                }
                if (r.text() == null) continue;
                if (i < sitePages) writtenSite++;
                else writtenRandom++;
                assertEquals(PageText.sections(r.html()), r.text(), body);
            }
        }
        // Nearly every page's text is written with its HTML; random texts go both ways (the rest are read from the HTML).
        assertTrue(writtenSite * 10 >= sitePages * 2 * 9, writtenSite + " of " + sitePages * 2 + " example pages");
        assertTrue(writtenRandom > 1500 && writtenRandom < 6500, writtenRandom + " of 8000 random texts");
    }

    /** Entities decoded, block tags and white space as one space, inline tags as nothing, trimmed. */
    private static String plain(String html) {
        String decoded = html.replace("<em>", "").replace("</em>", "").replace("<p>", " ").replace("</p>", " ")
                .replace("<br>", " ").replace("&nbsp;", " ").replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (char c : decoded.toCharArray()) {
            boolean space = Character.isWhitespace(c) || c == '\u00a0';
            if (!space) out.append(c);
            else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
        }
        return out.toString().strip();
    }
}
