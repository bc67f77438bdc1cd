package dev.sitegen.content;

/**
 * Limits on the shape of a Markdown body, checked in linear time before flexmark sees it. On some shapes flexmark's
 * work or stack grows much faster than the text: lists and block quotes nested hundreds deep take minutes, a table
 * header of a thousand columns overflows the stack, thousands of lines in one paragraph take seconds each, and a short
 * table row is padded to the header's width, so a small file can become gigabytes of empty cells. Every limit is far
 * beyond what real writing needs.
 * A little over 300 lines: one plain loop per limit, each with the reason for its number, read best together.
 */
final class MarkdownLimits {
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_NESTING = 32;
    static final int MAX_BLOCK_LINES = 2000;
    static final int MAX_TABLE_COLUMNS = 128;
    static final int MAX_TABLE_CELLS = 100_000;
    static final int MAX_HEADINGS = 2000;
    static final int MAX_TOC = 16;

    /** The first limit a body goes over: where (an offset into the body) and what to tell the editor. */
    record Violation(int offset, String message) {}

    private MarkdownLimits() {}

    /**
     * What the scan of a body finds before flexmark reads it: the first limit it goes over (null if none), where its
     * lines start (offsets, {@code lineStarts[0] == 0}), and whether bare URLs, www. addresses or e-mail addresses may
     * be in it ("://", "www." or "@": flexmark's autolink pass, about a sixth of its time, finds links only there).
     */
    record Scan(Violation violation, int[] lineStarts, boolean mayAutolink) {}

    /** The first limit {@code body} goes over, or null when it keeps to all of them. */
    static Violation check(String body) {
        return scan(body, body.toCharArray()).violation();
    }

    /** Scans {@code body}, whose characters are {@code chars}: one plain loop for each thing it looks for. */
    static Scan scan(String body, char[] chars) {
        if (body.length() > MAX_CHARS) {
            return new Scan(new Violation(0, "the Markdown text is longer than " + MAX_CHARS + " characters (1 MiB); split it into several pages"),
                    new int[] {0}, false);
        }
        int[] starts = lineStarts(chars);
        Violation violation = emphasisRun(chars);
        if (violation == null) violation = lines(chars, starts);
        return new Scan(violation, starts, mayAutolink(chars));
    }

    /**
     * A run of emphasis or strikethrough markers nests one level per pair: flexmark may run out of stack on it before
     * the parsed tree can be measured, and where it does depends on the JIT. Refused here, always at the same place:
     * where the nesting passes the limit.
     */
    private static Violation emphasisRun(char[] c) {
        int run = 0;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            run = ch == '*' || ch == '_' || ch == '~' ? (i > 0 && c[i - 1] == ch ? run + 1 : 1) : 0;
            if (run > 2 * Markdown.MAX_DEPTH) return new Violation(i - run + 1 + 2 * Markdown.MAX_DEPTH - 2, Markdown.tooDeep());
        }
        return null;
    }

    /** The offset of each line's first character; the first is 0. */
    private static int[] lineStarts(char[] c) {
        int count = 1;
        for (char ch : c) if (ch == '\n') count++;
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < c.length; i++) if (c[i] == '\n') starts[line++] = i + 1;
        return starts;
    }

    /** The first limit a line goes over, line by line. */
    private static Violation lines(char[] c, int[] starts) {
        Lines lines = new Lines(c);
        for (int i = 0; i < starts.length; i++) {
            int from = starts[i];
            int to = i + 1 < starts.length ? starts[i + 1] - 1 : c.length;
            boolean pipe = false;
            for (int j = from; j < to && !pipe; j++) pipe = c[j] == '|';
            Violation violation = lines.next(from, to, pipe);
            if (violation != null) return violation;
        }
        return null;
    }

    /** Bare URLs, www. addresses and e-mail addresses can only be where there is a "://", a "www." or an "@". */
    private static boolean mayAutolink(char[] c) {
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch == '@') return true;
            if (ch == ':' && i + 2 < c.length && c[i + 1] == '/' && c[i + 2] == '/') return true;
            if (ch == '.' && i >= 3 && (c[i - 1] | 0x20) == 'w' && (c[i - 2] | 0x20) == 'w' && (c[i - 3] | 0x20) == 'w') return true;
        }
        return false;
    }

    /** The limits that depend on lines, fed one line at a time ({@code from} to {@code to}, without its newline). */
    private static final class Lines {
        private final char[] c;
        private char fence = 0;
        private int fenceLength = 0;
        private int blockLines = 0;
        private int blockStart = 0;
        private int tableColumns = 0;
        private long cells = 0;
        private int headings = 0;
        private int tocs = 0;
        // The previous line after its prefix.
        private int previousFrom = 0;
        private int previousTo = 0;

        Lines(char[] c) {
            this.c = c;
        }

        Violation next(int lineStart, int lineEnd, boolean pipe) {
            int depth = 0;
            boolean listItem = false;
            int from = lineStart;
            if (!isThematicBreak(c, lineStart, lineEnd)) {
                // The containers a line opens or continues: leading block-quote markers and list markers (with a task
                // box), and indentation, which can nest a list item in the one above (two columns a level at the
                // least). The space that follows a marker is part of it. An upper bound of the real nesting.
                int markers = 0;
                int indent = 0;
                boolean afterMarker = false;
                while (from < lineEnd) {
                    char ch = c[from];
                    if (ch == ' ' || ch == '\t') {
                        if (!afterMarker) indent += ch == '\t' ? 4 : 1;
                        afterMarker = false;
                        from++;
                    } else if (ch == '>') {
                        markers++;
                        afterMarker = true;
                        from++;
                    } else {
                        int after = listMarkerEnd(c, from, lineEnd);
                        if (after < 0) break;
                        markers++;
                        listItem = true;
                        afterMarker = true;
                        from = after;
                    }
                }
                depth = markers + indent / 2;
            }
            int to = lineEnd;
            Violation violation = rest(lineStart, from, to, depth, listItem, pipe);
            previousFrom = from;
            previousTo = to;
            return violation;
        }

        /** The checks on a line's {@code rest}, the part after its prefix. */
        private Violation rest(int lineStart, int from, int to, int depth, boolean listItem, boolean pipe) {
            int fenceRun = fenceRun(c, from, to);
            if (fence != 0) {
                // Inside fenced code nothing nests and nothing is a table: only look for the closing fence.
                if (fenceRun >= fenceLength && c[from] == fence && isBlank(c, from + fenceRun, to)) fence = 0;
                return null;
            }
            if (fenceRun >= 3) {
                fence = c[from];
                fenceLength = fenceRun;
                blockLines = 0;
                tableColumns = 0;
                return null;
            }
            if (depth > MAX_NESTING) {
                return new Violation(lineStart, "lists and block quotes nested " + depth + " levels deep; at most "
                        + MAX_NESTING + " are allowed");
            }
            if (isHeading(c, from, to, blockLines) && ++headings > MAX_HEADINGS) {
                return new Violation(lineStart, "more than " + MAX_HEADINGS + " headings on one page; split it into several pages");
            }
            if (to - from >= 4 && c[from] == '[' && (c[from + 1] | 0x20) == 't' && (c[from + 2] | 0x20) == 'o'
                    && (c[from + 3] | 0x20) == 'c' && ++tocs > MAX_TOC) {
                return new Violation(lineStart, "more than " + MAX_TOC + " [TOC] markers on one page; one is enough");
            }
            if (isBlank(c, from, to)) {
                blockLines = 0;
                tableColumns = 0;
                return null;
            }
            if (listItem || c[from] == '#' || blockLines == 0) {
                blockLines = 0;
                blockStart = lineStart;
                tableColumns = 0;
            }
            if (++blockLines > MAX_BLOCK_LINES) {
                return new Violation(blockStart, "a paragraph or table of more than " + MAX_BLOCK_LINES
                        + " lines without a blank line; put blank lines between its parts");
            }
            // A prefix holds no pipe, so a line with one has it after its prefix.
            int delimiter = pipe ? delimiterColumns(c, from, to) : 0;
            if (delimiter > 0 && blockLines > 1) {
                tableColumns = Math.max(delimiter, cellsIn(c, previousFrom, previousTo));
                cells += tableColumns; // the header row
            }
            if (tableColumns > 0) {
                if (Math.max(tableColumns, cellsIn(c, from, to)) > MAX_TABLE_COLUMNS) {
                    return new Violation(lineStart, "a table with more than " + MAX_TABLE_COLUMNS + " columns; split it");
                }
                cells += tableColumns; // a short row is padded to the header's width
                if (cells > MAX_TABLE_CELLS) {
                    return new Violation(lineStart, "the tables of this page have more than " + MAX_TABLE_CELLS
                            + " cells; split the page or the tables");
                }
            }
            return null;
        }
    }

    // The helpers below read c[from, to) and strip white space as String.strip does (Character.isWhitespace).

    private static int stripStart(char[] c, int from, int to) {
        while (from < to && isWhitespace(c[from])) from++;
        return from;
    }

    private static int stripEnd(char[] c, int from, int to) {
        while (to > from && isWhitespace(c[to - 1])) to--;
        return to;
    }

    /** Character.isWhitespace, without its call through the character tables for the printable ASCII characters. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || (c < ' ' || c > '~') && Character.isWhitespace(c);
    }

    private static boolean isBlank(char[] c, int from, int to) {
        return stripStart(c, from, to) == to;
    }

    /** The index after a list marker ({@code -}, {@code +}, {@code *}, {@code 1.}, {@code 1)}) and any task box, or -1. */
    private static int listMarkerEnd(char[] c, int i, int to) {
        char ch = c[i];
        int j = i;
        if (ch == '-' || ch == '+' || ch == '*') {
            j = i + 1;
        } else {
            while (j < to && j - i < 9 && Character.isDigit(c[j])) j++;
            if (j == i || j >= to || (c[j] != '.' && c[j] != ')')) return -1;
            j++;
        }
        if (j < to && c[j] != ' ' && c[j] != '\t') return -1;
        if (j + 4 <= to && c[j + 1] == '[' && c[j + 3] == ']' && (c[j + 2] == ' ' || c[j + 2] == 'x' || c[j + 2] == 'X')) j += 4;
        return j;
    }

    /** An ATX heading ({@code ## Title}), or a setext underline ({@code ===}, {@code ---}) below a line of text. */
    private static boolean isHeading(char[] c, int from, int to, int linesAbove) {
        int hashes = 0;
        while (from + hashes < to && c[from + hashes] == '#') hashes++;
        if (hashes >= 1 && hashes <= 6 && (from + hashes == to || c[from + hashes] == ' ' || c[from + hashes] == '\t')) return true;
        if (linesAbove == 0) return false;
        int a = stripStart(c, from, to);
        int b = stripEnd(c, a, to);
        return a < b && (all(c, a, b, '=') || all(c, a, b, '-'));
    }

    private static boolean all(char[] c, int from, int to, char ch) {
        for (int i = from; i < to; i++) if (c[i] != ch) return false;
        return true;
    }

    private static boolean isThematicBreak(char[] c, int from, int to) {
        int a = stripStart(c, from, to);
        int b = stripEnd(c, a, to);
        if (b - a < 3) return false;
        char ch = c[a];
        if (ch != '-' && ch != '*' && ch != '_') return false;
        for (int i = a; i < b; i++) if (c[i] != ch && c[i] != ' ' && c[i] != '\t') return false;
        return true;
    }

    /** The length of a leading run of three or more backticks or tildes, else 0. */
    private static int fenceRun(char[] c, int from, int to) {
        if (from == to || (c[from] != '`' && c[from] != '~')) return 0;
        int n = 0;
        while (from + n < to && c[from + n] == c[from]) n++;
        return n >= 3 ? n : 0;
    }

    /** The columns of a table's delimiter row such as {@code |---|:--:|}, or 0 when the line is not one. */
    private static int delimiterColumns(char[] c, int from, int to) {
        int a = stripStart(c, from, to);
        int b = stripEnd(c, a, to);
        if (a < b && c[a] == '|') a++;
        if (a < b && c[b - 1] == '|') b--;
        int columns = 0;
        int start = a;
        while (start <= b) {
            int bar = start;
            while (bar < b && c[bar] != '|') bar++;
            int x = stripStart(c, start, bar);
            int y = stripEnd(c, x, bar);
            if (x < y && c[x] == ':') x++;
            if (x < y && c[y - 1] == ':') y--;
            if (x == y || !all(c, x, y, '-')) return 0;
            columns++;
            start = bar + 1;
        }
        return columns;
    }

    /** The cells of a table row: its pipes, less those at the edges, plus one. */
    private static int cellsIn(char[] c, int from, int to) {
        int a = stripStart(c, from, to);
        int b = stripEnd(c, a, to);
        int pipes = 0;
        for (int i = a; i < b; i++) if (c[i] == '|') pipes++;
        if (a < b && c[a] == '|') pipes--;
        if (b - a > 1 && c[b - 1] == '|') pipes--;
        return pipes + 1;
    }
}
