package dev.sitegen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What makes a folder ours to replace, and what keeps two builds out of one folder.
 * <p>
 * A build replaces its output folder whole, so it must only ever replace a folder it made: every site it writes holds
 * a {@value #MARKER} file, and a non-empty folder without one is refused unless the user says it may go ({@code --force}).
 * Every check is made on real paths, with links resolved, so that a link cannot make the site folder look like
 * somewhere else. Builds into one folder take turns through a lock file kept with the build cache, never beside the
 * output.
 */
public final class OutputFolder {
    /** The file that says "site-gen made this folder"; written into every site. */
    public static final String MARKER = ".site-gen";

    static final byte[] MARKER_TEXT = ("This folder was made by site-gen, which replaces it whole at every build.\n"
            + "Remove this file if site-gen must no longer replace it.\n").getBytes(StandardCharsets.UTF_8);

    private OutputFolder() {}

    /** The marker's bytes, the same in every build so that an unchanged site stays byte-identical. */
    public static byte[] markerText() {
        return MARKER_TEXT.clone();
    }

    /**
     * {@code path} with every link resolved: the real path of its deepest existing ancestor, followed by the names that
     * do not exist yet. A link that points nowhere is kept as a name (it cannot hide an existing folder).
     */
    public static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            Path real = existing.toRealPath();
            return real.resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Why site-gen must not build into {@code out}, or null when it may. All paths are real ones (see {@link #real}).
     * The places that hold the sources, the project or the user's files are refused even with {@code force}; a folder
     * site-gen did not make is refused unless {@code force}.
     */
    public static String refusal(Path out, Path site, Path project, Path home, boolean force) {
        if (out.getParent() == null) return "the output folder cannot be a file-system root";
        if (site.startsWith(out)) {
            return "the output folder contains the site folder " + site + "; a build replaces the output folder whole, so choose another one, such as target/site-gen";
        }
        if (out.startsWith(site)) return "the output folder is inside the site folder " + site + "; choose one outside it, such as target/site-gen";
        if (home != null && home.startsWith(out)) return "the output folder " + (home.equals(out) ? "is" : "contains") + " your home folder; choose a folder of its own, such as target/site-gen";
        if (project != null && project.startsWith(out)) {
            return "the output folder " + (project.equals(out) ? "is" : "contains") + " the project folder " + project + "; choose a folder of its own, such as target/site-gen";
        }
        if (Files.exists(out) && !Files.isDirectory(out)) return out + " is a file, not a folder; choose another output folder";
        if (!force && !ours(out)) {
            return "the output folder " + out + " is not empty and site-gen did not make it (it has no " + MARKER + " file); a build"
                    + " replaces the whole folder and everything in it would be lost. Choose an empty or new folder, or, if everything"
                    + " in it may be deleted, build with --force (Maven: -Dsite-gen.overwrite=true)";
        }
        return null;
    }

    /** Whether a build may replace {@code dir}: it does not exist, is empty, or holds our marker. */
    static boolean ours(Path dir) {
        if (!Files.isDirectory(dir)) return true;
        if (Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) return true;
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The file name under which {@code out}'s state (cache, lock) is kept in the cache folder: readable and unique. */
    public static String stateName(Path out) {
        String name = out.getFileName() == null ? "root" : out.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    // One lock per output folder within this JVM (the dev server and a build, or tests), before the file lock, which a
    // JVM cannot take twice.
    private static final Map<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    /** A held lock on an output folder; closing it lets the next build in. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the lock on the output folder {@code out} (a real path), kept in {@code lockFile}; waits, telling
     * {@code waiting} once, while another build in this or another process holds it. The operating system frees the
     * lock of a process that dies, so a killed build never leaves a folder locked.
     */
    public static Held lock(Path out, Path lockFile, Consumer<String> waiting) throws IOException {
        ReentrantLock local = LOCAL.computeIfAbsent(out, k -> new ReentrantLock());
        String message = "site-gen: waiting for another build into " + out + " to finish";
        boolean told = false;
        if (!local.tryLock()) {
            waiting.accept(message);
            told = true;
            local.lock();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!told) waiting.accept(message);
                lock = channel.lock();
            }
            FileChannel open = channel;
            FileLock taken = lock;
            return () -> {
                try {
                    taken.release();
                    open.close();
                } catch (IOException ignored) {
                    // closing the channel frees the lock in any case
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            if (channel != null) channel.close();
            local.unlock();
            throw e;
        }
    }
}
