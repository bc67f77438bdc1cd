package dev.sitegen.content;

import dev.sitegen.problem.Pos;

/** Offsets in a body to 1-based line and column in its file. */
final class LineIndex {
    private final int[] starts;
    private final int firstLine;

    /** {@code starts}: the offset of each line, the first 0 (as {@link MarkdownLimits#scan} finds them). */
    LineIndex(int[] starts, int firstLine) {
        this.starts = starts;
        this.firstLine = firstLine;
    }

    Pos at(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return new Pos(firstLine + lo, offset - starts[lo] + 1);
    }
}
