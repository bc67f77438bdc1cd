package dev.sitegen.output;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The paths of one output as a case-insensitive file system sees them (Windows, macOS, and S3 synced from either):
 * {@code Logo.png} and {@code logo.png}, or a {@code Guides/} folder beside the generated {@code guides/}, are one
 * name there, and one silently replaces the other.
 */
public final class CaseFold {
    /** Each path and each folder above it, lower-cased (folders end with a slash), to the first spelling added. */
    private final Map<String, String> seen = new HashMap<>();

    /** Adds {@code path} and its folders; returns a path or folder already added with other letter case, else null. */
    public String add(String path) {
        String clash = null;
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            String part = slash < 0 ? path : path.substring(0, slash + 1);
            String before = seen.putIfAbsent(part.toLowerCase(Locale.ROOT), part);
            if (clash == null && before != null && !before.equals(part)) clash = before;
            if (slash < 0) return clash;
            from = slash + 1;
        }
    }
}
