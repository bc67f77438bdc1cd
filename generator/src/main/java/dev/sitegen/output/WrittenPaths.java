package dev.sitegen.output;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The site-relative paths an output was given, each once: a second write of one path is our bug, not the user's. */
final class WrittenPaths {
    private final Set<String> paths = ConcurrentHashMap.newKeySet();

    void add(String path) {
        if (!paths.add(path)) throw new IllegalStateException("output path written twice: " + path);
    }

    boolean contains(String path) {
        return paths.contains(path);
    }

    int size() {
        return paths.size();
    }

    Set<String> all() {
        return Set.copyOf(paths);
    }
}
