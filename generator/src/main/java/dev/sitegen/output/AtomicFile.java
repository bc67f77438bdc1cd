package dev.sitegen.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Replacing a published file so that a reader never gets half of it: the new content is put beside it as
 * {@code .<name>.part}, then renamed over it in one move.
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static void write(Path file, byte[] bytes) throws IOException {
        Path part = part(file);
        Files.write(part, bytes);
        move(part, file);
    }

    public static void copy(Path file, Path source) throws IOException {
        Path part = part(file);
        Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
        move(part, file);
    }

    /** As {@link #copy}, as a hard link to {@code existing} where the file system allows it. */
    public static void link(Path file, Path existing) throws IOException {
        Path part = part(file);
        Files.deleteIfExists(part);
        linkOrCopy(part, existing);
        move(part, file);
    }

    private static Path part(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file.resolveSibling("." + file.getFileName() + ".part");
    }

    /** Makes {@code file} a hard link to {@code existing} where the file system allows it, else a copy of it. */
    public static void linkOrCopy(Path file, Path existing) throws IOException {
        try {
            Files.createLink(file, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, file);
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
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

    /** What went wrong, without the paths a FileSystemException repeats: "No space left on device". */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof FileAlreadyExistsException) return String.valueOf(e.getMessage());
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
    }
}
