package dev.sitegen.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The readable text of rendered HTML, cut into sections at headings that have an id:
 * {@code <p>Intro</p><h2 id="a">A</h2><p>Text</p>} gives {@code ("", "", "Intro")} and {@code ("a", "A", "Text")}.
 * Code blocks ({@code pre}), scripts and styles are left out: they make poor snippets and bloat the index.
 */
public final class PageText {
    private PageText() {}

    private static final Set<String> SKIPPED = Set.of("pre", "script", "style", "svg", "template");
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s",
            "small", "span", "strong", "sub", "sup", "u", "var", "wbr");

    public static List<SearchDocument.Section> sections(String html) {
        List<SearchDocument.Section> out = new ArrayList<>();
        String id = "";
        String heading = "";
        StringBuilder text = new StringBuilder();
        StringBuilder headingText = null;
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
                appendText(headingText != null ? headingText : text, html, chars, i, next);
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
                space(text);
                continue;
            }
            if (!closing && isHeading(name)) {
                String hid = attr(tag, "id");
                if (hid != null) {
                    out.add(new SearchDocument.Section(id, heading, text.toString().strip()));
                    text.setLength(0);
                    id = hid;
                    headingText = new StringBuilder();
                    headingTag = name;
                    continue;
                }
            }
            if (closing && name.equals(headingTag) && headingText != null) {
                heading = headingText.toString().strip();
                headingText = null;
                headingTag = null;
                continue;
            }
            if (!INLINE.contains(name)) space(headingText != null ? headingText : text);
        }
        if (headingText != null) heading = headingText.toString().strip();
        out.add(new SearchDocument.Section(id, heading, text.toString().strip()));
        return out;
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
        return end < 0 ? null : decode(tag.substring(start, end));
    }

    private static void space(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
    }

    /** Appends text with entities decoded and runs of white space made one space. */
    private static void appendText(StringBuilder b, String html, char[] chars, int from, int to) {
        int mark = b.length();
        if (!appendPlain(b, html, chars, from, to, true)) {
            // An entity: what was appended goes, and the decoded text goes in instead.
            b.setLength(mark);
            String decoded = decode(html.substring(from, to));
            appendPlain(b, decoded, decoded.toCharArray(), 0, decoded.length(), false);
        }
    }

    /**
     * Appends {@code s[from, to)} with runs of white space made one space; with {@code stopAtEntity}, returns false at the
     * first {@code &}. Text goes in as whole runs (a plain copy from the string), and a run ends only where white space
     * is not one space after a word, so a paragraph of words is usually one copy.
     */
    private static boolean appendPlain(StringBuilder b, String s, char[] chars, int from, int to, boolean stopAtEntity) {
        int run = from;
        boolean afterSpace = false;
        for (int k = from; k < to; k++) {
            char ch = chars[k];
            if (ch > ' ' && ch < 128) {
                if (ch == '&' && stopAtEntity) return false;
                afterSpace = false;
                continue;
            }
            if (ch == ' ') {
                if (!afterSpace && k > from) {
                    afterSpace = true;
                    continue;
                }
            } else if (!isSpace(ch)) {
                afterSpace = false;
                continue;
            }
            if (k > run) b.append(s, run, k);
            space(b);
            run = k + 1;
            afterSpace = true;
        }
        if (to > run) b.append(s, run, to);
        return true;
    }

    /** White space as Character.isWhitespace has it, and the no-break space; ASCII answered without a table. */
    private static boolean isSpace(char ch) {
        if (ch <= ' ') return ch == ' ' || ch >= '\t' && ch <= '\r' || ch >= '\u001c';
        return ch >= 128 && (Character.isWhitespace(ch) || ch == '\u00a0');
    }

    static String decode(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi < 0 || semi - i > 10) {
                b.append(c);
                i++;
                continue;
            }
            String entity = s.substring(i + 1, semi);
            String decoded = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> numeric(entity);
            };
            if (decoded == null) {
                b.append(c);
                i++;
            } else {
                b.append(decoded);
                i = semi + 1;
            }
        }
        return b.toString();
    }

    private static String numeric(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) return Character.toString(Integer.parseInt(entity.substring(2), 16));
            if (entity.startsWith("#")) return Character.toString(Integer.parseInt(entity.substring(1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
