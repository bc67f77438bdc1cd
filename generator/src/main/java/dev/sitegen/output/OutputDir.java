package dev.sitegen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A build's output, written into a temporary sibling of the target folder and swapped in only by {@link #commit()}:
 * a failed or killed build leaves the previous site as it was.
 */
public final class OutputDir implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private boolean done;

    private OutputDir(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Starts a build into {@code target}; leftovers of a killed earlier build are removed first. */
    public static OutputDir begin(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) throw new IOException("the output folder cannot be a file-system root");
        Files.createDirectories(parent);
        String prefix = "." + abs.getFileName() + ".";
        try (Stream<Path> old = Files.list(parent)) {
            old.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && (p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().endsWith(".old")))
                    .forEach(OutputDir::deleteQuietly);
        }
        Path temp = Files.createTempDirectory(parent, prefix);
        Path named = parent.resolve(temp.getFileName() + ".tmp");
        Files.move(temp, named);
        // Temporary folders are private (700); the site folder it becomes must be readable by a web server.
        try {
            Files.setPosixFilePermissions(named, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return new OutputDir(abs, named);
    }

    public Path target() {
        return target;
    }

    /** Writes one file; {@code path} is site-relative with forward slashes. Two writes of one path are our bug. */
    public void write(String path, byte[] bytes) {
        Path file = SafePath.resolve(temp, path);
        if (!written.add(path)) throw new IllegalStateException("output path written twice: " + path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts an unchanged file from the previous output into this one: a hard link where the file system allows it
     * (nothing is copied; files are never changed in place, so the two folders cannot disturb each other), else a copy.
     */
    public void reuse(String path, Path previous) {
        Path file = SafePath.resolve(temp, path);
        if (!written.add(path)) throw new IllegalStateException("output path written twice: " + path);
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createLink(file, previous);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(previous, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** The site-relative paths written so far. */
    public java.util.Set<String> written() {
        return java.util.Set.copyOf(written);
    }

    public boolean contains(String path) {
        return written.contains(path);
    }

    /** Replaces the target folder with what was written. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".old");
            move(target, old);
        }
        try {
            move(temp, target);
        } catch (IOException e) {
            if (old != null) move(old, target); // put the previous site back
            throw e;
        }
        done = true;
        if (old != null) deleteQuietly(old);
    }

    /** Throws the partial output away; the target folder is untouched. */
    @Override
    public void close() {
        if (!done) deleteQuietly(temp);
        done = true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover is removed by the next build
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
