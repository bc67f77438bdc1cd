package dev.sitegen.problem;

/** A 1-based line and column in a source file; {@link #UNKNOWN} when there is none. */
public record Pos(int line, int column) {
    public static final Pos UNKNOWN = new Pos(0, 0);
    public static final Pos START = new Pos(1, 1);

    /** This position moved down by {@code lines}: front matter starts below the file's first line. */
    public Pos shift(int lines) {
        return line == 0 ? this : new Pos(line + lines, column);
    }
}
