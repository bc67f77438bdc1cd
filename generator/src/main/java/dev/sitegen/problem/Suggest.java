package dev.sitegen.problem;

import java.util.Collection;

/** "did you mean" hints: the closest known name within a small edit distance. */
public final class Suggest {
    private Suggest() {}

    /** {@code " (did you mean 'x'?)"}, or the empty string when nothing is close enough. */
    public static String didYouMean(String given, Collection<String> known) {
        String best = closest(given, known);
        return best != null ? " (did you mean '" + best + "'?)" : "";
    }

    /** The known name closest to {@code given} within a small edit distance, or null. */
    public static String closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int allowed = Math.max(1, Math.min(3, given.length() / 3));
        for (String candidate : known) {
            // The lengths differ by at least that many edits: skipping these keeps a hostile 4 MiB value from costing
            // a 4 MiB × id-length table per candidate.
            if (Math.abs(candidate.length() - given.length()) > allowed) continue;
            int d = distance(given.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
