package dev.sitegen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A build's output. Nothing reaches the target folder unless {@link #commit()} is called, so a failed or killed build
 * leaves the previous site as it was. Three ways to get there:
 * <ul>
 * <li>{@link #begin}: write into a temporary sibling folder, then swap it in (builds); files taken unchanged from the
 * previous build are hard-linked at the swap, a build that changed nothing leaves the folder alone, and one that took
 * most of its files from it moves its new files in one by one (see {@link #updatedFileByFile});</li>
 * <li>{@link #inPlace}: hold new and changed files in memory, then write each over the old one and remove pages that
 * are gone (the dev server's rebuilds, where few pages change and a swap of every file would cost more);</li>
 * <li>{@link #discard}: keep nothing (checking a site without writing it).</li>
 * </ul>
 */
public final class OutputDir implements AutoCloseable {
    private enum Mode { SWAP, IN_PLACE, DISCARD }

    private final Mode mode;
    private final Path target;
    private final Path temp;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
    private final Map<String, Path> pendingCopies = new ConcurrentHashMap<>();
    private boolean done;

    private OutputDir(Mode mode, Path target, Path temp) {
        this.mode = mode;
        this.target = target;
        this.temp = temp;
    }

    /** Starts a build into {@code target}; leftovers of a killed earlier build are removed first. */
    public static OutputDir begin(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) throw new IOException("the output folder cannot be a file-system root");
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(e.getFile() + " is a file, not a folder");
        }
        String prefix = "." + abs.getFileName() + ".";
        // Only names this class gives (.<name>.<digits>.tmp, .<name>.<16 hex>.old): a user's .site.backup.old is not ours.
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "(\\d+\\.tmp|\\p{XDigit}{16}\\.old)");
        List<Path> leftovers;
        try (Stream<Path> old = Files.list(parent)) {
            leftovers = old.filter(p -> ours.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
        }
        if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // A build killed between the two renames of its swap left the previous site as .<name>.<n>.old: put it back.
            Path previous = leftovers.stream().filter(p -> p.getFileName().toString().endsWith(".old"))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
            if (previous != null) move(previous, abs);
        }
        leftovers.stream().filter(Files::exists).forEach(OutputDir::deleteQuietly);
        Path temp = Files.createTempDirectory(parent, prefix);
        Path named = parent.resolve(temp.getFileName() + ".tmp");
        Files.move(temp, named);
        // Temporary folders are private (700); the site folder it becomes must be readable by a web server.
        try {
            Files.setPosixFilePermissions(named, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return new OutputDir(Mode.SWAP, abs, named);
    }

    /**
     * Updates an existing output folder file by file on commit; used between dev-server rebuilds. {@code previous} is
     * what the last build wrote there, so that pages that are gone can be removed without walking the folder; null
     * when unknown (then the folder is walked).
     */
    public static OutputDir inPlace(Path target, Set<String> previous) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs);
        OutputDir out = new OutputDir(Mode.IN_PLACE, abs, null);
        out.previous = previous;
        return out;
    }

    private Set<String> previous;

    /** Keeps nothing: for checking a site. */
    public static OutputDir discard() {
        return new OutputDir(Mode.DISCARD, null, null);
    }

    public Path target() {
        return target;
    }

    /** Writes one file; {@code path} is site-relative with forward slashes. Two writes of one path are our bug. */
    public void write(String path, byte[] bytes) {
        if (!written.add(path)) throw new IllegalStateException("output path written twice: " + path);
        switch (mode) {
            case DISCARD -> SafePath.resolve(Path.of("/"), path);
            case IN_PLACE -> {
                Path file = SafePath.resolve(target, path);
                if (!sameContent(file, bytes)) pending.put(path, bytes);
            }
            case SWAP -> {
                Path file = SafePath.resolve(temp, path);
                try {
                    folder(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + path + ": " + reason(e), e);
                }
            }
        }
    }

    /** Copies a file into the output without holding it in memory: static files may be videos of hundreds of MB. */
    public void copy(String path, Path source) {
        if (!written.add(path)) throw new IllegalStateException("output path written twice: " + path);
        try {
            switch (mode) {
                case DISCARD -> SafePath.resolve(Path.of("/"), path);
                case IN_PLACE -> {
                    Path file = SafePath.resolve(target, path);
                    if (!(Files.isRegularFile(file) && Files.size(file) == Files.size(source) && Files.mismatch(file, source) == -1)) {
                        pendingCopies.put(path, source);
                    }
                }
                case SWAP -> {
                    Path file = SafePath.resolve(temp, path);
                    folder(file.getParent());
                    Files.copy(source, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + reason(e), e);
        }
    }

    /** What went wrong, without the paths a FileSystemException repeats: "No space left on device". */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof FileAlreadyExistsException) return String.valueOf(e.getMessage());
        return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
    }

    /**
     * Puts an unchanged file from the previous output into this one: a hard link where the file system allows it
     * (nothing is copied; files are never changed in place, so the two folders cannot disturb each other), else a copy.
     */
    public void reuse(String path, Path previous) {
        if (!written.add(path)) throw new IllegalStateException("output path written twice: " + path);
        if (mode != Mode.SWAP) return; // in place, the previous file is the file
        SafePath.resolve(temp, path);
        // Linked on commit, and only if the build changed anything (see unchanged()).
        reused.put(path, previous);
    }

    private final Map<String, Path> reused = new ConcurrentHashMap<>();

    private void link(String path, Path previous) {
        Path file = SafePath.resolve(temp, path);
        try {
            folder(file.getParent());
            linkOrCopy(file, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + reason(e), e);
        }
    }

    /** Makes {@code file} a hard link to {@code existing} where the file system allows it, else a copy of it. */
    public static void linkOrCopy(Path file, Path existing) throws IOException {
        try {
            Files.createLink(file, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, file);
        }
    }

    /** At most this many newly written files are compared with the target's before a swap; more means changed. */
    static final int MAX_COMPARED = 64;

    /**
     * Whether the target already is this build's output: every reused file is the target's own, the few files written
     * anew have the same bytes as the target's, and the target holds no other file. Then a commit leaves it alone:
     * no links, no swap, no old folder to delete (a rebuild without changes).
     */
    private boolean unchanged() {
        try {
            return sameAsTarget();
        } catch (IOException | UncheckedIOException e) {
            return false; // then the swap finds out what is wrong, or replaces it
        }
    }

    private boolean sameAsTarget() throws IOException {
        if (!Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        if (written.size() - reused.size() > MAX_COMPARED) return false;
        for (Map.Entry<String, Path> e : reused.entrySet()) {
            if (!e.getValue().equals(target.resolve(e.getKey()))) return false;
        }
        for (String path : written) {
            if (reused.containsKey(path)) continue;
            Path theirs = target.resolve(path);
            if (!Files.isRegularFile(theirs, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.mismatch(temp.resolve(path), theirs) != -1) return false;
        }
        try (Stream<Path> walk = Files.walk(target)) {
            long files = walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> target.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> {
                        if (!written.contains(rel)) throw new Differs();
                        return true;
                    }).count();
            return files == written.size();
        } catch (Differs e) {
            return false;
        }
    }

    /**
     * Brings the target up to date one file at a time when this build took most of its files from it (a few pages
     * edited): each file written anew that differs from the target's is renamed over it, deepest first (the hashed
     * assets and the search index's files that a page or the index's entry file point to are in place before it), then
     * the target's files this build did not make are removed with the folders they leave empty. A swap would re-create
     * every folder and link of the site: on this project's disk, 6 of the 8.5 s of a 10,000-page build with one page
     * changed. Files taken from another place in the target are hard-linked at their new one. Nothing is touched
     * unless every check passes first; a file or link where a folder is needed, or a folder where a file goes, leaves it
     * to the swap. False when it left the target alone.
     */
    private boolean updatedFileByFile(BeforeChange beforeChange) throws IOException {
        int anew = written.size() - reused.size();
        if (reused.isEmpty() || anew > reused.size() + MAX_COMPARED) return false;
        if (!Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
        // A file taken from elsewhere in the target (the search index's unchanged files, under a new version folder)
        // is linked at its new place; one taken from outside it leaves the commit to the swap.
        Map<String, Path> links = new java.util.HashMap<>();
        for (Map.Entry<String, Path> e : reused.entrySet()) {
            if (e.getValue().equals(target.resolve(e.getKey()))) continue;
            if (!e.getValue().startsWith(target) || !Files.isRegularFile(e.getValue(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
            links.put(e.getKey(), e.getValue());
        }
        List<String> moves = new java.util.ArrayList<>();
        Set<Path> checked = new java.util.HashSet<>();
        for (String path : written) {
            if (reused.containsKey(path) && !links.containsKey(path)) continue;
            Path theirs = SafePath.resolve(target, path);
            for (Path dir = theirs.getParent(); !dir.equals(target) && checked.add(dir); dir = dir.getParent()) {
                if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
            }
            if (Files.isDirectory(theirs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
            if (links.containsKey(path)) {
                moves.add(path);
                continue;
            }
            Path ours = temp.resolve(path);
            if (Files.isRegularFile(theirs, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(theirs) == Files.size(ours)
                    && Files.mismatch(ours, theirs) == -1) continue;
            moves.add(path);
        }
        List<Path> gone;
        try (Stream<Path> walk = Files.walk(target)) {
            gone = walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !written.contains(target.relativize(p).toString().replace('\\', '/'))).toList();
        }
        moves.sort(Comparator.comparingInt((String path) -> -path.split("/").length).thenComparing(Comparator.naturalOrder()));
        if (!moves.isEmpty() || !gone.isEmpty()) beforeChange.run();
        for (String path : moves) {
            Path theirs = target.resolve(path);
            Files.createDirectories(theirs.getParent());
            Path linked = links.get(path);
            if (linked == null) {
                move(temp.resolve(path), theirs);
            } else {
                // Linked beside it first, then renamed over it: the place never holds a partial file.
                Path part = theirs.resolveSibling("." + theirs.getFileName() + ".part");
                Files.deleteIfExists(part);
                linkOrCopy(part, linked);
                move(part, theirs);
            }
        }
        for (Path p : gone) {
            Files.deleteIfExists(p);
            for (Path dir = p.getParent(); !dir.equals(target); dir = dir.getParent()) {
                try {
                    Files.delete(dir);
                } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
                    break;
                }
            }
        }
        return true;
    }

    /** Stops the walk at the first file the build did not make. */
    private static final class Differs extends RuntimeException {
        Differs() {
            super(null, null, false, false);
        }
    }

    /** Folders made in the temporary output so far: files sharing one (search/, assets/) ask the file system once. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    private void folder(Path dir) throws IOException {
        if (folders.contains(dir)) return;
        Files.createDirectories(dir);
        folders.add(dir);
    }

    /**
     * The bytes this build put at {@code path}: written, or taken from the previous build. Null when it made no such file
     * or keeps nothing ({@link #discard}).
     */
    public byte[] read(String path) throws IOException {
        if (!written.contains(path)) return null;
        return switch (mode) {
            case DISCARD -> null;
            case IN_PLACE -> {
                byte[] bytes = pending.get(path);
                Path copied = pendingCopies.get(path);
                yield bytes != null ? bytes : Files.readAllBytes(copied != null ? copied : SafePath.resolve(target, path));
            }
            case SWAP -> {
                Path previous = reused.get(path);
                yield Files.readAllBytes(previous != null ? previous : SafePath.resolve(temp, path));
            }
        };
    }

    /** Whether {@link #read} gives back what was written. */
    public boolean keepsFiles() {
        return mode != Mode.DISCARD;
    }

    /** The site-relative paths written so far. */
    public Set<String> written() {
        return Set.copyOf(written);
    }

    /** The paths whose content this build changed (in place: written on commit; otherwise every written path). */
    public Set<String> changed() {
        if (mode != Mode.IN_PLACE) return written();
        Set<String> changed = new java.util.HashSet<>(pending.keySet());
        changed.addAll(pendingCopies.keySet());
        return Set.copyOf(changed);
    }

    public boolean contains(String path) {
        return written.contains(path);
    }

    /** Makes the output the site: swaps the folder in, or writes the changed files and removes pages that are gone. */
    public void commit() throws IOException {
        commit(() -> { });
    }

    /** Something to do just before a commit changes the target folder, and only if it does. */
    @FunctionalInterface
    public interface BeforeChange {
        void run() throws IOException;
    }

    /** As {@link #commit()}, running {@code beforeChange} first unless the target is left as it is. */
    public void commit(BeforeChange beforeChange) throws IOException {
        switch (mode) {
            case DISCARD -> { }
            case IN_PLACE -> {
                if (!pending.isEmpty() || !pendingCopies.isEmpty()) beforeChange.run();
                for (Map.Entry<String, byte[]> e : pending.entrySet()) {
                    Path file = SafePath.resolve(target, e.getKey());
                    Files.createDirectories(file.getParent());
                    Path part = file.resolveSibling("." + file.getFileName() + ".part");
                    Files.write(part, e.getValue());
                    move(part, file);
                }
                for (Map.Entry<String, Path> e : pendingCopies.entrySet()) {
                    Path file = SafePath.resolve(target, e.getKey());
                    Files.createDirectories(file.getParent());
                    Path part = file.resolveSibling("." + file.getFileName() + ".part");
                    Files.copy(e.getValue(), part, StandardCopyOption.REPLACE_EXISTING);
                    move(part, file);
                }
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
            case SWAP -> {
                if (unchanged() || updatedFileByFile(beforeChange)) {
                    deleteQuietly(temp);
                    done = true;
                    return;
                }
                beforeChange.run();
                reused.entrySet().parallelStream().forEach(e -> link(e.getKey(), e.getValue()));
                Path old = null;
                if (Files.exists(target)) {
                    old = target.resolveSibling("." + target.getFileName() + "." + String.format("%016x", System.currentTimeMillis()) + ".old");
                    move(target, old);
                }
                try {
                    move(temp, target);
                } catch (IOException e) {
                    if (old != null) move(old, target); // put the previous site back
                    throw e;
                }
                if (old != null) deleteQuietly(old);
            }
        }
        done = true;
    }

    /** Throws the unfinished output away; the target folder is untouched. */
    @Override
    public void close() {
        if (!done && mode == Mode.SWAP) deleteQuietly(temp);
        pending.clear();
        pendingCopies.clear();
        reused.clear();
        done = true;
    }

    private static boolean sameContent(Path file, byte[] bytes) {
        try {
            return Files.size(file) == bytes.length && java.util.Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
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
}
