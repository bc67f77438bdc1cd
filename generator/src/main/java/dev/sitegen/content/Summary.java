package dev.sitegen.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's description when its front matter has none: the first sentence of its first paragraph, as plain text.
 * Read from the Markdown source with a few patterns rather than a second parse, since only one paragraph is needed and
 * the text goes into a {@code <meta>} tag and cards, where Freemarker escapes it.
 */
public final class Summary {
    /** Longer first sentences are cut at a word and end with an ellipsis: a description is a line, not a paragraph. */
    static final int MAX = 200;

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)|\\[([^\\]]*)]\\[[^\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?://|mailto:)[^>\\s]+)>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    /** Emphasis, strong, code and strike-through markers; an underscore inside a word (snake_case) is text. */
    private static final Pattern MARKERS = Pattern.compile("[*`~]+|(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[\\p{Lu}\\p{N}\"'(])");

    private Summary() {}

    /** The first sentence of the body's first paragraph (headings, code, quotes, lists, tables and HTML skipped), or "". */
    public static String of(String body) {
        StringBuilder paragraph = new StringBuilder();
        boolean fence = false;
        for (String raw : body.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fence = !fence;
                if (paragraph.length() > 0) break;
                continue;
            }
            if (fence) continue;
            if (line.isEmpty()) {
                if (paragraph.length() > 0) break;
                continue;
            }
            boolean notProse = line.startsWith("#") || line.startsWith(">") || line.startsWith("|") || line.startsWith("<")
                    || line.matches("([-*+]|\\d+[.)])\\s.*") || raw.startsWith("    ") || raw.startsWith("\t");
            if (notProse) {
                if (paragraph.length() > 0) break;
                continue;
            }
            paragraph.append(paragraph.length() > 0 ? " " : "").append(line);
        }
        String text = IMAGE.matcher(paragraph).replaceAll("$1");
        text = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        text = AUTOLINK.matcher(text).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll("");
        text = MARKERS.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
        var end = SENTENCE_END.matcher(text);
        if (end.find()) text = text.substring(0, end.start() + 1);
        if (text.length() > MAX) {
            int cut = text.lastIndexOf(' ', MAX - 1);
            text = text.substring(0, cut > MAX / 2 ? cut : MAX - 1).stripTrailing() + "…";
        }
        return text;
    }
}
