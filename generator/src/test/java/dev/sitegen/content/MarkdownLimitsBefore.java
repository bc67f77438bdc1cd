package dev.sitegen.content;

/**
 * MarkdownLimits, Markdown.mayAutolink and Markdown.LineIndex as they were before the single pass (commit 5c3e731),
 * kept as the oracle the single pass must agree with: line by line, with substrings and String scans.
 */
final class MarkdownLimitsBefore {
    // The same limits: the oracle is for how they are checked.
    static final int MAX_CHARS = MarkdownLimits.MAX_CHARS;
    static final int MAX_NESTING = MarkdownLimits.MAX_NESTING;
    static final int MAX_BLOCK_LINES = MarkdownLimits.MAX_BLOCK_LINES;
    static final int MAX_TABLE_COLUMNS = MarkdownLimits.MAX_TABLE_COLUMNS;
    static final int MAX_TABLE_CELLS = MarkdownLimits.MAX_TABLE_CELLS;
    static final int MAX_HEADINGS = MarkdownLimits.MAX_HEADINGS;
    static final int MAX_TOC = MarkdownLimits.MAX_TOC;

    // Results are MarkdownLimits.Violation, so the two compare with equals.

    private MarkdownLimitsBefore() {}

    /** The first limit {@code body} goes over, or null when it keeps to all of them. */
    static MarkdownLimits.Violation check(String body) {
        return check(body, body.toCharArray());
    }

    /** As {@link #check(String)}, with the body's characters at hand ({@code chars}: the first scan reads every one). */
    static MarkdownLimits.Violation check(String body, char[] chars) {
        if (body.length() > MAX_CHARS) {
            return new MarkdownLimits.Violation(0, "the Markdown text is longer than " + MAX_CHARS + " characters (1 MiB); split it into several pages");
        }
        // A run of emphasis or strikethrough markers nests one level per pair: flexmark may run out of stack on it before
        // the parsed tree can be measured, and where it does depends on the JIT. Refused here, always at the same place:
        // where the nesting passes the limit.
        int run = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            run = c == '*' || c == '_' || c == '~' ? (i > 0 && chars[i - 1] == c ? run + 1 : 1) : 0;
            if (run > 2 * Markdown.MAX_DEPTH) return new MarkdownLimits.Violation(i - run + 1 + 2 * Markdown.MAX_DEPTH - 2, Markdown.tooDeep());
        }
        char fence = 0;
        int fenceLength = 0;
        int blockLines = 0;
        int blockStart = 0;
        int tableColumns = 0;
        long cells = 0;
        int headings = 0;
        int tocs = 0;
        String previous = "";
        int lineStart = 0;
        while (lineStart <= body.length()) {
            int end = body.indexOf('\n', lineStart);
            if (end < 0) end = body.length();
            String line = body.substring(lineStart, end);
            Prefix prefix = Prefix.of(line);
            String rest = line.substring(prefix.end());
            int fenceRun = fenceRun(rest);
            if (fence != 0) {
                // Inside fenced code nothing nests and nothing is a table: only look for the closing fence.
                if (fenceRun >= fenceLength && rest.charAt(0) == fence && rest.substring(fenceRun).isBlank()) fence = 0;
            } else if (fenceRun >= 3) {
                fence = rest.charAt(0);
                fenceLength = fenceRun;
                blockLines = 0;
                tableColumns = 0;
            } else {
                if (prefix.depth() > MAX_NESTING) {
                    return new MarkdownLimits.Violation(lineStart, "lists and block quotes nested " + prefix.depth() + " levels deep; at most "
                            + MAX_NESTING + " are allowed");
                }
                if (isHeading(rest, blockLines) && ++headings > MAX_HEADINGS) {
                    return new MarkdownLimits.Violation(lineStart, "more than " + MAX_HEADINGS + " headings on one page; split it into several pages");
                }
                if (rest.regionMatches(true, 0, "[TOC", 0, 4) && ++tocs > MAX_TOC) {
                    return new MarkdownLimits.Violation(lineStart, "more than " + MAX_TOC + " [TOC] markers on one page; one is enough");
                }
                if (rest.isBlank()) {
                    blockLines = 0;
                    tableColumns = 0;
                } else {
                    if (prefix.listItem() || rest.startsWith("#") || blockLines == 0) {
                        blockLines = 0;
                        blockStart = lineStart;
                        tableColumns = 0;
                    }
                    if (++blockLines > MAX_BLOCK_LINES) {
                        return new MarkdownLimits.Violation(blockStart, "a paragraph or table of more than " + MAX_BLOCK_LINES
                                + " lines without a blank line; put blank lines between its parts");
                    }
                    int delimiter = delimiterColumns(rest);
                    if (delimiter > 0 && blockLines > 1) {
                        tableColumns = Math.max(delimiter, cellsIn(previous));
                        cells += tableColumns; // the header row
                    }
                    if (tableColumns > 0) {
                        if (Math.max(tableColumns, cellsIn(rest)) > MAX_TABLE_COLUMNS) {
                            return new MarkdownLimits.Violation(lineStart, "a table with more than " + MAX_TABLE_COLUMNS + " columns; split it");
                        }
                        cells += tableColumns; // a short row is padded to the header's width
                        if (cells > MAX_TABLE_CELLS) {
                            return new MarkdownLimits.Violation(lineStart, "the tables of this page have more than " + MAX_TABLE_CELLS
                                    + " cells; split the page or the tables");
                        }
                    }
                }
            }
            previous = rest;
            lineStart = end + 1;
        }
        return null;
    }

    /**
     * The containers a line opens or continues: leading block-quote markers and list markers (with a task box), and
     * indentation, which can nest a list item in the one above (two columns a level at the least). The space that
     * follows a marker is part of it. An upper bound of the real nesting, counted without parsing.
     */
    private record Prefix(int end, int depth, boolean listItem) {
        static Prefix of(String line) {
            if (isThematicBreak(line)) return new Prefix(0, 0, false);
            int i = 0;
            int markers = 0;
            int indent = 0;
            boolean listItem = false;
            boolean afterMarker = false;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t') {
                    if (!afterMarker) indent += c == '\t' ? 4 : 1;
                    afterMarker = false;
                    i++;
                } else if (c == '>') {
                    markers++;
                    afterMarker = true;
                    i++;
                } else {
                    int after = listMarkerEnd(line, i);
                    if (after < 0) break;
                    markers++;
                    listItem = true;
                    afterMarker = true;
                    i = after;
                }
            }
            return new Prefix(i, markers + indent / 2, listItem);
        }
    }

    /** The index after a list marker ({@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)}) and any task box, or -1. */
    private static int listMarkerEnd(String line, int i) {
        char c = line.charAt(i);
        int j = i;
        if (c == '-' || c == '+' || c == '*') {
            j = i + 1;
        } else {
            while (j < line.length() && j - i < 9 && Character.isDigit(line.charAt(j))) j++;
            if (j == i || j >= line.length() || (line.charAt(j) != '.' && line.charAt(j) != ')')) return -1;
            j++;
        }
        if (j < line.length() && line.charAt(j) != ' ' && line.charAt(j) != '\t') return -1;
        if (j + 4 <= line.length() && line.charAt(j + 1) == '[' && line.charAt(j + 3) == ']' && " xX".indexOf(line.charAt(j + 2)) >= 0) j += 4;
        return j;
    }

    /** An ATX heading ({@code ## Title}), or a setext underline ({@code ===}, {@code ---}) below a line of text. */
    private static boolean isHeading(String rest, int linesAbove) {
        int hashes = 0;
        while (hashes < rest.length() && rest.charAt(hashes) == '#') hashes++;
        if (hashes >= 1 && hashes <= 6 && (hashes == rest.length() || rest.charAt(hashes) == ' ' || rest.charAt(hashes) == '\t')) return true;
        String s = rest.strip();
        return linesAbove > 0 && !s.isEmpty() && (s.chars().allMatch(c -> c == '=') || s.chars().allMatch(c -> c == '-'));
    }

    private static boolean isThematicBreak(String line) {
        String s = line.strip();
        if (s.length() < 3) return false;
        char c = s.charAt(0);
        if (c != '-' && c != '*' && c != '_') return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != c && s.charAt(i) != ' ' && s.charAt(i) != '\t') return false;
        return true;
    }

    /** The length of a leading run of three or more backticks or tildes, else 0. */
    private static int fenceRun(String rest) {
        if (rest.isEmpty() || (rest.charAt(0) != '`' && rest.charAt(0) != '~')) return 0;
        int n = 0;
        while (n < rest.length() && rest.charAt(n) == rest.charAt(0)) n++;
        return n >= 3 ? n : 0;
    }

    /** The columns of a table's delimiter row such as {@code |---|:--:|}, or 0 when the line is not one. */
    private static int delimiterColumns(String rest) {
        if (rest.indexOf('|') < 0) return 0;
        String s = rest.strip();
        if (s.startsWith("|")) s = s.substring(1);
        if (s.endsWith("|")) s = s.substring(0, s.length() - 1);
        int columns = 0;
        int start = 0;
        while (start <= s.length()) {
            int bar = s.indexOf('|', start);
            if (bar < 0) bar = s.length();
            String cell = s.substring(start, bar).strip();
            if (cell.startsWith(":")) cell = cell.substring(1);
            if (cell.endsWith(":")) cell = cell.substring(0, cell.length() - 1);
            if (cell.isEmpty() || !cell.chars().allMatch(ch -> ch == '-')) return 0;
            columns++;
            start = bar + 1;
        }
        return columns;
    }

    /** The cells of a table row: its pipes, less those at the edges, plus one. */
    private static int cellsIn(String row) {
        String s = row.strip();
        int pipes = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '|') pipes++;
        if (s.startsWith("|")) pipes--;
        if (s.endsWith("|") && s.length() > 1) pipes--;
        return pipes + 1;
    }

    /** Markdown.mayAutolink before the single pass. */
    static boolean mayAutolink(char[] c) {
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch == '@') return true;
            if (ch == ':' && i + 2 < c.length && c[i + 1] == '/' && c[i + 2] == '/') return true;
            if (ch == '.' && i >= 3 && (c[i - 1] | 0x20) == 'w' && (c[i - 2] | 0x20) == 'w' && (c[i - 3] | 0x20) == 'w') return true;
        }
        return false;
    }

    /** The line starts Markdown.LineIndex found before the single pass. */
    static int[] lineStarts(String text) {
        java.util.List<Integer> starts = new java.util.ArrayList<>(java.util.List.of(0));
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.add(i + 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
