package dev.sitegen.problem;

import java.nio.file.Path;

/**
 * One thing wrong with the input, at a place an editor can open. Line and column are 1-based; 0 if unknown.
 * {@code file} is shown as given: relative to the site folder for content, {@code theme:...} for default-theme templates.
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    /** Longer messages keep their start and end (the quoted value and the hint) around an ellipsis. */
    static final int MAX_MESSAGE = 1000;

    public Problem {
        file = file == null ? "" : printable(file.replace('\\', '/'));
        message = printable(message == null ? "" : message);
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE / 2 - 1) + " … " + message.substring(message.length() - MAX_MESSAGE / 2 + 2);
        }
    }

    /**
     * The text with control characters, and the bidirectional overrides that can make text read differently from what it
     * is, written as {@code \\u001b}: problems quote what editors wrote, and a report is read in terminals and CI logs,
     * where an escape sequence or a line break in a value could forge or hide lines.
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (unsafe && out == null) out = new StringBuilder(text.substring(0, i));
            if (out != null) {
                if (unsafe) out.append(String.format("\\u%04x", (int) c));
                else out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    public static Problem error(String file, int line, int column, String message) {
        return new Problem(Severity.ERROR, file, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code path:line:col: message}, with {@code warning: } before warnings' messages; {@code path: message} when the
     * problem has no place in the file (a missing file, a folder), since a {@code 0:0} sends an editor nowhere.
     */
    @Override
    public String toString() {
        String at = line > 0 ? file + ":" + line + ":" + Math.max(column, 1) : file;
        return at + ": " + (isError() ? "" : "warning: ") + message;
    }

    /**
     * The same line with the file shown below {@code siteDir} as the user named it ({@code content/topics/x.md}),
     * for command lines run from elsewhere; theme and absolute paths are kept.
     */
    public String toString(Path siteDir) {
        // A problem with the site folder itself (it is missing, say) names the folder as the user gave it.
        if (siteDir != null && file.isEmpty()) return new Problem(severity, display(siteDir), line, column, message).toString();
        if (siteDir == null || file.isEmpty() || file.startsWith("theme:") || Path.of(file).isAbsolute()) return toString();
        String prefix = display(siteDir);
        if (prefix.isEmpty() || prefix.equals(".")) return toString();
        return (prefix.endsWith("/") ? prefix : prefix + "/") + toString();
    }

    static String display(Path path) {
        return path.toString().replace('\\', '/');
    }
}
