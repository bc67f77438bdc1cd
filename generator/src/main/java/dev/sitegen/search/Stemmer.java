package dev.sitegen.search;

import java.util.Set;

/**
 * The Snowball English ("Porter2") stemmer, so that "caching", "cached" and "caches" all index as {@code cach}.
 * Input is one lower-case word of letters and digits, as {@link Tokenizer} makes them: {@code stem("caching")} is
 * {@code "cach"}, {@code stem("generalizations")} is {@code "general"}. The browser has the same algorithm in
 * search.js; {@code StemmerTest} pins both to the same table. Written here (about 300 lines) rather than pulled in as
 * a dependency: the Snowball Java sources are generated code with mutable shared state, and we need a twin in JS anyway.
 */
public final class Stemmer {
    private Stemmer() {}

    private static final String[][] EXCEPTIONS = {
            {"skis", "ski"}, {"skies", "sky"}, {"dying", "die"}, {"lying", "lie"}, {"tying", "tie"}, {"idly", "idl"},
            {"gently", "gentl"}, {"ugly", "ugli"}, {"early", "earli"}, {"only", "onli"}, {"singly", "singl"},
            {"sky", "sky"}, {"news", "news"}, {"howe", "howe"}, {"atlas", "atlas"}, {"cosmos", "cosmos"},
            {"bias", "bias"}, {"andes", "andes"}};
    private static final Set<String> AFTER_1A = Set.of(
            "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed");
    // Step 2 and 3 suffixes, longest first within each list so the first match is the longest.
    private static final String[][] STEP2 = {
            {"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"},
            {"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"}, {"entli", "ent"}, {"ation", "ate"},
            {"alism", "al"}, {"aliti", "al"}, {"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"}, {"enci", "ence"},
            {"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"}, {"alli", "al"}, {"bli", "ble"},
            {"ogi", "og"}, {"li", ""}};
    private static final String[][] STEP3 = {
            {"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"}, {"ative", ""},
            {"ical", "ic"}, {"ness", ""}, {"ful", ""}};
    private static final String[] STEP4 = {
            "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
            "ion", "al", "er", "ic"};

    /** The stem of a lower-case word; words of one or two letters, and words with digits, are their own stem. */
    public static String stem(String word) {
        if (word.length() <= 2) return word;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') return word;
        }
        for (String[] e : EXCEPTIONS) if (e[0].equals(word)) return e[1];
        StringBuilder w = new StringBuilder(word);
        // A y at the start or after a vowel is a consonant: mark it as Y.
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) == 'y' && (i == 0 || isVowel(w.charAt(i - 1)))) w.setCharAt(i, 'Y');
        }
        int r1 = r1(w);
        int r2 = region(w, r1);

        step1a(w);
        if (AFTER_1A.contains(w.toString())) return w.toString();
        step1b(w, r1);
        step1c(w);
        step2(w, r1);
        step3(w, r1, r2);
        step4(w, r2);
        step5(w, r1, r2);
        for (int i = 0; i < w.length(); i++) if (w.charAt(i) == 'Y') w.setCharAt(i, 'y');
        return w.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private static int r1(CharSequence w) {
        String s = w.toString();
        if (s.startsWith("gener") || s.startsWith("arsen")) return 5;
        if (s.startsWith("commun")) return 6;
        return region(w, 0);
    }

    /** The start of the region after the first non-vowel that follows a vowel, at or after {@code from}. */
    private static int region(CharSequence w, int from) {
        for (int i = from + 1; i < w.length(); i++) {
            if (!isVowel(w.charAt(i)) && isVowel(w.charAt(i - 1))) return i + 1;
        }
        return w.length();
    }

    private static boolean ends(StringBuilder w, String suffix) {
        int n = w.length() - suffix.length();
        return n >= 0 && w.indexOf(suffix, n) == n;
    }

    private static void replaceEnd(StringBuilder w, int length, String with) {
        w.setLength(w.length() - length);
        w.append(with);
    }

    private static boolean hasVowel(StringBuilder w, int end) {
        for (int i = 0; i < end; i++) if (isVowel(w.charAt(i))) return true;
        return false;
    }

    private static void step1a(StringBuilder w) {
        if (ends(w, "sses")) {
            replaceEnd(w, 4, "ss");
        } else if (ends(w, "ied") || ends(w, "ies")) {
            replaceEnd(w, 3, w.length() > 4 ? "i" : "ie");
        } else if (ends(w, "us") || ends(w, "ss")) {
            // unchanged
        } else if (ends(w, "s")) {
            // Delete if a vowel comes before the letter that precedes the s: gaps → gap, but gas stays.
            if (hasVowel(w, w.length() - 2)) w.setLength(w.length() - 1);
        }
    }

    private static void step1b(StringBuilder w, int r1) {
        if (ends(w, "eedly")) {
            if (w.length() - 5 >= r1) replaceEnd(w, 5, "ee");
            return;
        }
        if (ends(w, "eed")) {
            if (w.length() - 3 >= r1) replaceEnd(w, 3, "ee");
            return;
        }
        int cut = ends(w, "ingly") ? 5 : ends(w, "edly") ? 4 : ends(w, "ing") ? 3 : ends(w, "ed") ? 2 : 0;
        if (cut == 0 || !hasVowel(w, w.length() - cut)) return;
        w.setLength(w.length() - cut);
        if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) {
            w.append('e');
        } else if (endsWithDouble(w)) {
            w.setLength(w.length() - 1);
        } else if (isShort(w)) {
            w.append('e');
        }
    }

    private static boolean endsWithDouble(StringBuilder w) {
        int n = w.length();
        if (n < 2 || w.charAt(n - 1) != w.charAt(n - 2)) return false;
        return "bdfgmnprt".indexOf(w.charAt(n - 1)) >= 0;
    }

    /** A short syllable ends the word: non-vowel, vowel, non-vowel (not w, x or Y), or a vowel then a non-vowel at the start. */
    private static boolean endsShortSyllable(CharSequence w, int end) {
        if (end == 2) return isVowel(w.charAt(0)) && !isVowel(w.charAt(1));
        if (end < 3) return false;
        char a = w.charAt(end - 3);
        char b = w.charAt(end - 2);
        char c = w.charAt(end - 1);
        return !isVowel(a) && isVowel(b) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y';
    }

    private static boolean isShort(StringBuilder w) {
        return r1(w) >= w.length() && endsShortSyllable(w, w.length());
    }

    private static void step1c(StringBuilder w) {
        int n = w.length();
        if (n > 2 && (w.charAt(n - 1) == 'y' || w.charAt(n - 1) == 'Y') && !isVowel(w.charAt(n - 2))) {
            w.setCharAt(n - 1, 'i');
        }
    }

    private static void step2(StringBuilder w, int r1) {
        for (String[] rule : STEP2) {
            if (!ends(w, rule[0])) continue;
            int start = w.length() - rule[0].length();
            if (start < r1) return;
            if (rule[0].equals("ogi")) {
                if (start > 0 && w.charAt(start - 1) == 'l') replaceEnd(w, 3, "og");
            } else if (rule[0].equals("li")) {
                if (start > 0 && "cdeghkmnrt".indexOf(w.charAt(start - 1)) >= 0) w.setLength(start);
            } else {
                replaceEnd(w, rule[0].length(), rule[1]);
            }
            return;
        }
    }

    private static void step3(StringBuilder w, int r1, int r2) {
        for (String[] rule : STEP3) {
            if (!ends(w, rule[0])) continue;
            int start = w.length() - rule[0].length();
            if (start < r1) return;
            if (rule[0].equals("ative")) {
                if (start >= r2) w.setLength(start);
            } else {
                replaceEnd(w, rule[0].length(), rule[1]);
            }
            return;
        }
    }

    private static void step4(StringBuilder w, int r2) {
        for (String suffix : STEP4) {
            if (!ends(w, suffix)) continue;
            int start = w.length() - suffix.length();
            if (start < r2) return;
            if (suffix.equals("ion")) {
                if (start > 0 && (w.charAt(start - 1) == 's' || w.charAt(start - 1) == 't')) w.setLength(start);
            } else {
                w.setLength(start);
            }
            return;
        }
    }

    private static void step5(StringBuilder w, int r1, int r2) {
        int n = w.length();
        if (n == 0) return;
        char last = w.charAt(n - 1);
        if (last == 'e') {
            if (n - 1 >= r2 || (n - 1 >= r1 && !endsShortSyllable(w, n - 1))) w.setLength(n - 1);
        } else if (last == 'l') {
            if (n - 1 >= r2 && n >= 2 && w.charAt(n - 2) == 'l') w.setLength(n - 1);
        }
    }
}
