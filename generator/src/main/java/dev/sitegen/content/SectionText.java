package dev.sitegen.content;

import java.util.ArrayList;
import java.util.List;

/**
 * The readable text of a page, cut into sections at headings that have an id, as it is written: text (runs of white
 * space read as one space), element boundaries (a space unless one is there), headings. Search's {@code PageText}
 * feeds it from any HTML; {@link BodyHtml} feeds it while writing a body, so that search need not read that HTML again.
 */
public final class SectionText {
    /** A stretch of a page under one heading; the first is the text before any heading (id and heading empty). */
    public record Section(String id, String heading, String text) {}

    private final List<Section> sections = new ArrayList<>();
    private String id = "";
    private String heading = "";
    private final StringBuilder text = new StringBuilder();
    /** The heading's text while inside a heading; null elsewhere. */
    private StringBuilder headingText;

    private StringBuilder current() {
        return headingText != null ? headingText : text;
    }

    /**
     * Appends {@code s[from, to)} ({@code chars} holds the same characters) with runs of white space made one space;
     * with {@code stopAtEntity}, appends nothing and returns false if it has a {@code &}. Text goes in as whole runs, and
     * a run ends only where white space is not one space after a word, so a paragraph of words is usually one copy.
     */
    public boolean append(String s, char[] chars, int from, int to, boolean stopAtEntity) {
        StringBuilder b = current();
        int mark = b.length();
        int run = from;
        boolean afterSpace = false;
        for (int k = from; k < to; k++) {
            char ch = chars[k];
            if (ch > ' ' && ch < 128) {
                if (ch == '&' && stopAtEntity) {
                    b.setLength(mark);
                    return false;
                }
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

    /**
     * Appends {@code s[from, to)} as it is: for text whose only white space is single spaces after other characters,
     * which {@link #append(String, char[], int, int, boolean)} would copy whole too.
     */
    public void appendAsIs(String s, int from, int to) {
        current().append(s, from, to);
    }

    /** Appends all of {@code s}, as {@link #append(String, char[], int, int, boolean)}. */
    public void append(String s) {
        if (!s.isEmpty()) append(s, s.toCharArray(), 0, s.length(), false);
    }

    /** The start or end of an element that is not inline (a paragraph, an item, a cell, a line break …). */
    public void boundary() {
        space(current());
    }

    /** Where an element left out of the text was (a code block): a boundary in the body text. */
    public void skipped() {
        space(text);
    }

    /** A heading with the id {@code id} starts: the section before it ends. */
    public void startHeading(String id) {
        sections.add(new Section(this.id, heading, text.toString().strip()));
        text.setLength(0);
        this.id = id;
        headingText = new StringBuilder();
    }

    public boolean inHeading() {
        return headingText != null;
    }

    public void endHeading() {
        heading = headingText.toString().strip();
        headingText = null;
    }

    /** The sections, the last one ended here. */
    public List<Section> finish() {
        if (headingText != null) endHeading();
        sections.add(new Section(id, heading, text.toString().strip()));
        return sections;
    }

    private static void space(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') b.append(' ');
    }

    /** White space as Character.isWhitespace has it, and the no-break space; ASCII answered without a table. */
    private static boolean isSpace(char ch) {
        if (ch <= ' ') return ch == ' ' || ch >= '\t' && ch <= '\r' || ch >= '\u001c';
        return ch >= 128 && (Character.isWhitespace(ch) || ch == '\u00a0');
    }

    /** HTML text or an attribute value with its character references decoded (the named ones HTML escaping writes). */
    public static String decode(String s) {
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
