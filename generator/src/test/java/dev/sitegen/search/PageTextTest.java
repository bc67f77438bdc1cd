package dev.sitegen.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What search reads of a page: its text by section, white space made single spaces, code and scripts left out. */
class PageTextTest {
    @Test
    void cutsAtHeadingsWithIdsAndLeavesOutCode() {
        String html = "<p>Intro  text,\n<em>really</em>.</p><h2 id=\"setup\">Set <code>up</code><a href=\"#setup\">#</a></h2>"
                + "<p>Run&nbsp;it &amp; see.</p><pre><code>not this</code></pre><ul><li>one</li><li>two</li></ul>"
                + "<h3>No id</h3><p>still setup</p>";
        assertEquals(List.of(
                new SearchDocument.Section("", "", "Intro text, really."),
                new SearchDocument.Section("setup", "Set up#", "Run it & see. one two No id still setup")), PageText.sections(html));
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
            assertEquals(List.of(new SearchDocument.Section("", "", plain(text))), PageText.sections(text), text);
        }
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
