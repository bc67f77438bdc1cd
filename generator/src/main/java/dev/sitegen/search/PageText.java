package dev.sitegen.search;

import dev.sitegen.content.SectionText;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The readable text of rendered HTML, cut into sections at headings that have an id:
 * {@code <p>Intro</p><h2 id="a">A</h2><p>Text</p>} gives {@code ("", "", "Intro")} and {@code ("a", "A", "Text")}.
 * Code blocks ({@code pre}), scripts and styles are left out: they make poor snippets and bloat the index.
 * Most page bodies do not come here: their text is written with their HTML ({@link SectionText}, which holds the rules
 * of white space both follow); this reads the rest, which flexmark's renderer wrote.
 */
public final class PageText {
    private PageText() {}

    private static final Set<String> SKIPPED = Set.of("pre", "script", "style", "svg", "template");
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s",
            "small", "span", "strong", "sub", "sup", "u", "var", "wbr");

    public static List<SectionText.Section> sections(String html) {
        SectionText out = new SectionText();
        String headingTag = null;
        int i = 0;
        int n = html.length();
        // Text is scanned in a char[]: String.charAt checks the string's encoding and bounds on every call.
        char[] chars = html.toCharArray();
        while (i < n) {
            char c = chars[i];
            if (c != '<') {
                int next = html.indexOf('<', i);
                if (next < 0) next = n;
                if (!out.append(html, chars, i, next, true)) out.append(SectionText.decode(html.substring(i, next)));
                i = next;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int close = html.indexOf('>', i);
            if (close < 0) break;
            String tag = html.substring(i + 1, close);
            i = close + 1;
            boolean closing = tag.startsWith("/");
            String name = tagName(closing ? tag.substring(1) : tag);
            if (!closing && SKIPPED.contains(name)) {
                int end = closingTag(html, name, i);
                int gt = end < 0 ? -1 : html.indexOf('>', end);
                i = gt < 0 ? n : gt + 1;
                out.skipped();
                continue;
            }
            if (!closing && isHeading(name)) {
                String hid = attr(tag, "id");
                if (hid != null) {
                    out.startHeading(hid);
                    headingTag = name;
                    continue;
                }
            }
            if (closing && name.equals(headingTag) && out.inHeading()) {
                out.endHeading();
                headingTag = null;
                continue;
            }
            if (!INLINE.contains(name)) out.boundary();
        }
        return out.finish();
    }

    /** Where {@code </name} starts at or after {@code from}, in any letter case; -1 if nowhere. */
    private static int closingTag(String html, String name, int from) {
        for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
            if (html.regionMatches(true, at + 2, name, 0, name.length())) return at;
        }
        return -1;
    }

    private static boolean isHeading(String name) {
        return name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6';
    }

    private static String tagName(String tag) {
        int end = 0;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '/' && tag.charAt(end) != '>') end++;
        return tag.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String attr(String tag, String name) {
        int at = tag.indexOf(" " + name + "=\"");
        if (at < 0) return null;
        int start = at + name.length() + 3;
        int end = tag.indexOf('"', start);
        return end < 0 ? null : SectionText.decode(tag.substring(start, end));
    }
}
