package dev.sitegen.cache;

import dev.sitegen.problem.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Parsed files from earlier builds, with the problems parsing them found, reused while a file's size and modification
 * time are unchanged. Kept by a long-lived generator (the dev server) so that one edited topic costs one parse, not ten
 * thousand; a fresh build has none.
 */
public final class LoadCache {
    /**
     * What a file gave: its value (a page or a graph; null when it was unusable, and its problems say why), its content
     * hash, and its problems.
     */
    public record Entry(long size, long modified, Object value, String fingerprint, List<Problem> problems) {
        public Entry {
            problems = List.copyOf(problems);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The entry for {@code file} read as {@code as}, if the file (now of size and time {@code stat}) has not changed since. */
    public Entry get(Path file, String as, long[] stat) {
        Entry e = entries.get(key(file, as));
        if (e == null) return null;
        return stat != null && stat[0] == e.size() && stat[1] == e.modified() ? e : null;
    }

    /** The value of an entry as the type it was stored as; null for a file that was unusable. */
    public static <T> T value(Entry e, Class<T> type) {
        return e.value() == null ? null : type.cast(e.value());
    }

    public void put(Path file, String as, long[] stat, Object value, String fingerprint, List<Problem> problems) {
        if (stat != null) entries.put(key(file, as), new Entry(stat[0], stat[1], value, fingerprint, problems));
    }

    /** Size and modification time in nanoseconds, or null when the file cannot be read. */
    public static long[] stat(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new long[] {a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)};
        } catch (IOException e) {
            return null;
        }
    }

    private static String key(Path file, String as) {
        return as + '\u0000' + file.toAbsolutePath().normalize();
    }
}
