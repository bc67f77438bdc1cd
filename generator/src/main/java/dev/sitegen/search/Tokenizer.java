package dev.sitegen.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into words: runs of letters and digits, lower-cased, accents removed ("Café-Crème, HTTP/2" gives
 * {@code cafe creme http 2}). Each {@link Token} keeps its place in the text, so snippets can mark the original words.
 * search.js splits the same way ({@code /[\p{L}\p{Nd}\p{Mn}]+/gu}, NFD without combining marks, lower case).
 */
public final class Tokenizer {
    private Tokenizer() {}

    /** Words too common to help find a page; they are not indexed and are ignored in queries. */
    public static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "with");

    /** The longest word indexed; longer runs are identifiers or noise. */
    public static final int MAX_WORD = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** One word of a text: its normalized form and where it stands in the text (start inclusive, end exclusive). */
    public record Token(String word, int start, int end) {}

    /** Every word of {@code text}, stop words included, in order. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordChar(cp)) break;
                i += Character.charCount(cp);
            }
            out.add(new Token(normalize(text.substring(start, i)), start, i));
        }
        return out;
    }

    /** The words worth indexing or searching for: no stop words, nothing shorter than 2 or longer than {@link #MAX_WORD}. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        forEachWord(text, (chars, length) -> {
            String word = new String(chars, 0, length);
            if (!STOP_WORDS.contains(word)) out.add(word);
        });
        return out;
    }

    /** Receives words as {@link #forEachWord} finds them: the first {@code length} chars of {@code chars}, reused after. */
    @FunctionalInterface
    interface WordSink {
        void word(char[] chars, int length);
    }

    /**
     * Each word of {@code text} from 2 to {@link #MAX_WORD} characters, normalized, stop words included, in order. The
     * index reads every word of a site: plain ASCII words are lower-cased into one buffer, without a string each.
     */
    static void forEachWord(String text, WordSink sink) {
        // Read from a char[]: String.charAt checks the string's encoding and bounds on every call, and this loop reads
        // every character of a site twice.
        char[] t = text.toCharArray();
        int n = t.length;
        int i = 0;
        char[] buf = new char[MAX_WORD];
        while (i < n) {
            char c = t[i];
            if (c < 128 && !isAsciiWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = true;
            while (i < n) {
                c = t[i];
                if (c < 128) {
                    if (!isAsciiWordChar(c)) break;
                    i++;
                } else {
                    int cp = Character.codePointAt(t, i);
                    if (!isWordChar(cp)) break;
                    ascii = false;
                    i += Character.charCount(cp);
                }
            }
            if (i == start) {
                i += Character.charCount(Character.codePointAt(t, i));
                continue;
            }
            if (ascii) {
                int len = i - start;
                if (len < 2 || len > MAX_WORD) continue;
                for (int k = 0; k < len; k++) {
                    char ch = t[start + k];
                    buf[k] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
                }
                sink.word(buf, len);
            } else {
                String word = normalize(new String(t, start, i - start));
                if (word.length() >= 2 && word.length() <= MAX_WORD) sink.word(word.toCharArray(), word.length());
            }
        }
    }

    private static boolean isAsciiWordChar(char c) {
        return ASCII_WORD[c];
    }

    /**
     * Letters and digits below 128, as a table: the comparisons compile to more bytecode than C1 inlines (35 bytes), and
     * a call per character was a twentieth of the index's page analysis.
     */
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_WORD[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    public static boolean indexable(String word) {
        return word.length() >= 2 && word.length() <= MAX_WORD && !STOP_WORDS.contains(word);
    }

    static boolean isWordChar(int cp) {
        return Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
                || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** Lower case without accents: "Crème" → "creme". */
    public static String normalize(String word) {
        boolean ascii = true;
        for (int i = 0; i < word.length() && ascii; i++) ascii = word.charAt(i) < 128;
        if (ascii) return word.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
