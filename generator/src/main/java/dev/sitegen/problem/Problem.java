package dev.sitegen.problem;

import java.nio.file.Path;

/**
 * One thing wrong with the input, at a place an editor can open. Line and column are 1-based; 0 if unknown.
 * {@code file} is shown as given: relative to the site folder for content, {@code theme:...} for default-theme templates.
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    public Problem {
        file = file == null ? "" : file.replace('\\', '/');
    }

    public static Problem error(String file, int line, int column, String message) {
        return new Problem(Severity.ERROR, file, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: message}, with {@code warning: } before warnings' messages. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + message;
    }

    /**
     * The same line with the file shown below {@code siteDir} as the user named it ({@code content/topics/x.md}),
     * for command lines run from elsewhere; theme and absolute paths are kept.
     */
    public String toString(Path siteDir) {
        if (siteDir == null || file.isEmpty() || file.startsWith("theme:") || Path.of(file).isAbsolute()) return toString();
        String prefix = display(siteDir);
        if (prefix.isEmpty() || prefix.equals(".")) return toString();
        return (prefix.endsWith("/") ? prefix : prefix + "/") + toString();
    }

    static String display(Path path) {
        return path.toString().replace('\\', '/');
    }
}
