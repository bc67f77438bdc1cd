package dev.sitegen.output;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Output paths are site-relative, forward-slash, and can never name a place outside the output folder. */
public final class SafePath {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~@+-]+");
    static final int MAX_SEGMENT = 200;

    private SafePath() {}

    /** Null when {@code path} is safe to write below an output folder; otherwise the reason it is not. */
    public static String problem(String path) {
        if (path == null || path.isEmpty()) return "empty path";
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")) return "'" + path + "' is not a relative path";
        if (path.indexOf('\0') >= 0) return "path contains a NUL byte";
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return "'" + path + "' has an empty, '.' or '..' segment";
            if (segment.length() > MAX_SEGMENT) return "'" + path + "' has a name longer than " + MAX_SEGMENT + " characters";
            if (!SEGMENT.matcher(segment).matches()) return "'" + path + "' has characters other than letters, digits and . _ ~ @ + -";
        }
        return null;
    }

    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /**
     * Null when {@code path} can be published to any host; otherwise why a Windows checkout, a Windows server or a
     * sync from one would lose or refuse it: a device name such as {@code CON} or {@code aux.txt}, or a name ending
     * in a dot (Windows drops it, so {@code a.} and {@code a} are one file).
     */
    public static String portability(String path) {
        for (String segment : path.split("/")) {
            if (RESERVED.matcher(segment).matches()) return "'" + segment + "' is a device name on Windows; rename it";
            if (segment.endsWith(".")) return "'" + segment + "' ends with a dot, which Windows drops; rename it";
        }
        return null;
    }

    /** Resolves a checked relative path below {@code root}; throws for an unsafe one, which is our bug, not the user's. */
    public static Path resolve(Path root, String path) {
        String problem = problem(path);
        if (problem != null) throw new IllegalArgumentException("unsafe output path: " + problem);
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) throw new IllegalArgumentException("unsafe output path: " + path);
        return resolved;
    }
}
