package dev.sitegen.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words around the first match in a page's text, as parts to show: plain text and marked matches. Parts are text,
 * never markup; search.js builds the same parts with {@code textContent} and {@code <mark>} elements.
 * {@code of("Caches keep copies of responses.", Set.of("cach"))} is {@code [mark "Caches", " keep copies of responses."]}.
 */
public record Snippet(List<Part> parts) {
    /** Characters shown before the first match, and in all. */
    static final int BEFORE = 50, LENGTH = 180;

    public Snippet {
        parts = List.copyOf(parts);
    }

    public record Part(String text, boolean match) {}

    /** The snippet as plain text with matches in [brackets], for tests and logs. */
    public String marked() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) b.append(p.match() ? "[" + p.text() + "]" : p.text());
        return b.toString();
    }

    /** The snippet of {@code text} around its first word whose stem is one of {@code stems}; null when no word matches. */
    public static Snippet of(String text, Set<String> stems) {
        List<Tokenizer.Token> tokens = Tokenizer.tokens(text);
        int first = -1;
        for (int i = 0; i < tokens.size() && first < 0; i++) if (matches(tokens.get(i), stems)) first = i;
        if (first < 0) return null;
        int from = 0;
        if (tokens.get(first).start() > BEFORE) {
            int want = tokens.get(first).start() - BEFORE;
            int k = first;
            while (k > 0 && tokens.get(k - 1).start() >= want) k--;
            from = tokens.get(k).start();
        }
        int to = text.length();
        if (to - from > LENGTH) {
            to = from + LENGTH;
            for (Tokenizer.Token t : tokens) {
                if (t.start() < to && t.end() > to) {
                    to = t.start();
                    break;
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        if (from > 0) parts.add(new Part("… ", false));
        int at = from;
        for (Tokenizer.Token t : tokens) {
            if (t.start() < from || t.end() > to) continue;
            if (!matches(t, stems)) continue;
            if (t.start() > at) parts.add(new Part(text.substring(at, t.start()), false));
            parts.add(new Part(text.substring(t.start(), t.end()), true));
            at = t.end();
        }
        String rest = text.substring(at, to).stripTrailing();
        if (!rest.isEmpty()) parts.add(new Part(rest, false));
        if (to < text.length()) parts.add(new Part(" …", false));
        return new Snippet(parts);
    }

    /** The start of a text, unmarked, for a result whose match is not in the stored text. */
    public static Snippet plain(String text) {
        String cut = SearchIndex.cut(text, LENGTH);
        return new Snippet(cut.isEmpty() ? List.of() : List.of(new Part(cut, false)));
    }

    private static boolean matches(Tokenizer.Token t, Set<String> stems) {
        return Tokenizer.indexable(t.word()) && stems.contains(Stemmer.stem(t.word()));
    }
}
