package dev.sitegen.content;

/**
 * Splits a Markdown file into its YAML front matter and its body. Front matter is a block between a first line
 * {@code ---} and the next line that is {@code ---} (or {@code ...}). The flexmark extension for this is only
 * "YAML-like", so the block goes to Jackson instead.
 */
public record FrontMatter(String yaml, String body, int bodyLine, boolean unclosed) {

    /** The front matter ({@code null} if none), the body, and the 1-based line the body starts on. */
    public static FrontMatter split(String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        // One scan for the common case of no carriage returns at all.
        String normalized = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        if (!(normalized.startsWith("---\n") || normalized.equals("---"))) return new FrontMatter(null, normalized, 1, false);
        int line = 2;
        int start = 4;
        int pos = start;
        while (pos <= normalized.length()) {
            int end = normalized.indexOf('\n', pos);
            String current = normalized.substring(pos, end < 0 ? normalized.length() : end);
            if (current.equals("---") || current.equals("...")) {
                String body = end < 0 ? "" : normalized.substring(end + 1);
                return new FrontMatter(normalized.substring(start, pos), body, line + 1, false);
            }
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        return new FrontMatter(normalized.substring(Math.min(start, normalized.length())), "", line, true);
    }
}
