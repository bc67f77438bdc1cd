package dev.sitegen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Holds new and changed files in memory, then writes each over the old one and removes pages that are gone: the dev
 * server's rebuilds, where few pages change and a swap of every file would cost more. The search index is left to the
 * dev server, which writes it after the reload.
 */
final class InPlaceOutput implements OutputDir {
    private final Path target;
    /** What the last build wrote there, so that pages that are gone can be removed without walking the folder; or null. */
    private final Set<String> previous;
    private final WrittenPaths written = new WrittenPaths();
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
    private final Map<String, Path> pendingCopies = new ConcurrentHashMap<>();

    InPlaceOutput(Path target, Set<String> previous) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.previous = previous;
        Files.createDirectories(this.target);
    }

    @Override
    public Path target() {
        return target;
    }

    @Override
    public void write(String path, byte[] bytes) {
        written.add(path);
        Path file = SafePath.resolve(target, path);
        if (!sameContent(file, bytes)) pending.put(path, bytes);
    }

    @Override
    public void copy(String path, Path source) {
        written.add(path);
        Path file = SafePath.resolve(target, path);
        try {
            if (!(Files.isRegularFile(file) && Files.size(file) == Files.size(source) && Files.mismatch(file, source) == -1)) {
                pendingCopies.put(path, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + AtomicFile.reason(e), e);
        }
    }

    /** In place, the previous file is the file. */
    @Override
    public void reuse(String path, Path previousFile) {
        written.add(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        if (!written.contains(path)) return null;
        byte[] bytes = pending.get(path);
        Path copied = pendingCopies.get(path);
        return bytes != null ? bytes : Files.readAllBytes(copied != null ? copied : SafePath.resolve(target, path));
    }

    @Override
    public boolean keepsFiles() {
        return true;
    }

    @Override
    public Set<String> written() {
        return written.all();
    }

    /** Only what the commit writes. */
    @Override
    public Set<String> changed() {
        Set<String> changed = new HashSet<>(pending.keySet());
        changed.addAll(pendingCopies.keySet());
        return Set.copyOf(changed);
    }

    @Override
    public boolean contains(String path) {
        return written.contains(path);
    }

    @Override
    public void commit(BeforeChange beforeChange) throws IOException {
        if (!pending.isEmpty() || !pendingCopies.isEmpty()) beforeChange.run();
        for (Map.Entry<String, byte[]> e : pending.entrySet()) AtomicFile.write(SafePath.resolve(target, e.getKey()), e.getValue());
        for (Map.Entry<String, Path> e : pendingCopies.entrySet()) AtomicFile.copy(SafePath.resolve(target, e.getKey()), e.getValue());
        // search/ is written after the commit by the dev server, and looked after there.
        if (previous != null) {
            for (String gone : previous) {
                if (!written.contains(gone) && !gone.startsWith("search/")) Files.deleteIfExists(SafePath.resolve(target, gone));
            }
        } else {
            try (Stream<Path> walk = Files.walk(target)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String rel = target.relativize(p).toString().replace('\\', '/');
                    if (!written.contains(rel) && !rel.startsWith("search/")) Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public void close() {
        pending.clear();
        pendingCopies.clear();
    }

    private static boolean sameContent(Path file, byte[] bytes) {
        try {
            return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }
}
