package dev.sitegen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes into a temporary sibling folder, then swaps it in (builds). Files taken unchanged from the previous build are
 * hard-linked at the swap; a build that changed nothing leaves the folder alone, and one that took most of its files
 * from it moves its new files in one by one (see {@link #updatedFileByFile}).
 * About 300 lines: the swap and its two shortcuts must agree on what the folder holds, so they stay side by side.
 */
final class SwapOutput implements OutputDir {
    private final Path target;
    private final Path temp;
    private final WrittenPaths written = new WrittenPaths();
    private final Map<String, Path> reused = new ConcurrentHashMap<>();
    private boolean done;

    private SwapOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Starts a build into {@code target}; leftovers of a killed earlier build are removed first. */
    static SwapOutput begin(Path target) throws IOException {
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
        Pattern ours = Pattern.compile(Pattern.quote(prefix) + "(\\d+\\.tmp|\\p{XDigit}{16}\\.old)");
        List<Path> leftovers;
        try (Stream<Path> old = Files.list(parent)) {
            leftovers = old.filter(p -> ours.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            // A build killed between the two renames of its swap left the previous site as .<name>.<n>.old: put it back.
            Path previous = leftovers.stream().filter(p -> p.getFileName().toString().endsWith(".old"))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
            if (previous != null) AtomicFile.move(previous, abs);
        }
        leftovers.stream().filter(Files::exists).forEach(AtomicFile::deleteQuietly);
        Path temp = Files.createTempDirectory(parent, prefix);
        Path named = parent.resolve(temp.getFileName() + ".tmp");
        Files.move(temp, named);
        // Temporary folders are private (700); the site folder it becomes must be readable by a web server.
        try {
            Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        return new SwapOutput(abs, named);
    }

    @Override
    public Path target() {
        return target;
    }

    @Override
    public void write(String path, byte[] bytes) {
        written.add(path);
        Path file = SafePath.resolve(temp, path);
        try {
            folder(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + AtomicFile.reason(e), e);
        }
    }

    @Override
    public void copy(String path, Path source) {
        written.add(path);
        Path file = SafePath.resolve(temp, path);
        try {
            folder(file.getParent());
            Files.copy(source, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + AtomicFile.reason(e), e);
        }
    }

    @Override
    public void reuse(String path, Path previous) {
        written.add(path);
        SafePath.resolve(temp, path);
        // Linked on commit, and only if the build changed anything (see unchanged()).
        reused.put(path, previous);
    }

    private void link(String path, Path previous) {
        Path file = SafePath.resolve(temp, path);
        try {
            folder(file.getParent());
            AtomicFile.linkOrCopy(file, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + AtomicFile.reason(e), e);
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
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) return false;
        if (written.size() - reused.size() > MAX_COMPARED) return false;
        for (Map.Entry<String, Path> e : reused.entrySet()) {
            if (!e.getValue().equals(target.resolve(e.getKey()))) return false;
        }
        for (String path : written.all()) {
            if (reused.containsKey(path)) continue;
            Path theirs = target.resolve(path);
            if (!Files.isRegularFile(theirs, LinkOption.NOFOLLOW_LINKS) || Files.mismatch(temp.resolve(path), theirs) != -1) return false;
        }
        try (Stream<Path> walk = Files.walk(target)) {
            long files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
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
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) return false;
        // A file taken from elsewhere in the target (the search index's unchanged files, under a new version folder)
        // is linked at its new place; one taken from outside it leaves the commit to the swap.
        Map<String, Path> links = new HashMap<>();
        for (Map.Entry<String, Path> e : reused.entrySet()) {
            if (e.getValue().equals(target.resolve(e.getKey()))) continue;
            if (!e.getValue().startsWith(target) || !Files.isRegularFile(e.getValue(), LinkOption.NOFOLLOW_LINKS)) return false;
            links.put(e.getKey(), e.getValue());
        }
        List<String> moves = new ArrayList<>();
        Set<Path> checked = new HashSet<>();
        for (String path : written.all()) {
            if (reused.containsKey(path) && !links.containsKey(path)) continue;
            Path theirs = SafePath.resolve(target, path);
            for (Path dir = theirs.getParent(); !dir.equals(target) && checked.add(dir); dir = dir.getParent()) {
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
            }
            if (Files.isDirectory(theirs, LinkOption.NOFOLLOW_LINKS)) return false;
            if (links.containsKey(path)) {
                moves.add(path);
                continue;
            }
            Path ours = temp.resolve(path);
            if (Files.isRegularFile(theirs, LinkOption.NOFOLLOW_LINKS) && Files.size(theirs) == Files.size(ours)
                    && Files.mismatch(ours, theirs) == -1) continue;
            moves.add(path);
        }
        List<Path> gone;
        try (Stream<Path> walk = Files.walk(target)) {
            gone = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !written.contains(target.relativize(p).toString().replace('\\', '/'))).toList();
        }
        moves.sort(Comparator.comparingInt((String path) -> -path.split("/").length).thenComparing(Comparator.naturalOrder()));
        if (!moves.isEmpty() || !gone.isEmpty()) beforeChange.run();
        for (String path : moves) {
            Path theirs = target.resolve(path);
            Files.createDirectories(theirs.getParent());
            Path linked = links.get(path);
            if (linked == null) {
                AtomicFile.move(temp.resolve(path), theirs);
            } else {
                AtomicFile.link(theirs, linked);
            }
        }
        for (Path p : gone) {
            Files.deleteIfExists(p);
            for (Path dir = p.getParent(); !dir.equals(target); dir = dir.getParent()) {
                try {
                    Files.delete(dir);
                } catch (DirectoryNotEmptyException | NoSuchFileException e) {
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

    @Override
    public byte[] read(String path) throws IOException {
        if (!written.contains(path)) return null;
        Path previous = reused.get(path);
        return Files.readAllBytes(previous != null ? previous : SafePath.resolve(temp, path));
    }

    @Override
    public boolean keepsFiles() {
        return true;
    }

    @Override
    public Set<String> written() {
        return written.all();
    }

    @Override
    public Set<String> changed() {
        return written.all();
    }

    @Override
    public boolean contains(String path) {
        return written.contains(path);
    }

    @Override
    public void commit(BeforeChange beforeChange) throws IOException {
        if (unchanged() || updatedFileByFile(beforeChange)) {
            AtomicFile.deleteQuietly(temp);
            done = true;
            return;
        }
        beforeChange.run();
        reused.entrySet().parallelStream().forEach(e -> link(e.getKey(), e.getValue()));
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + "." + String.format("%016x", System.currentTimeMillis()) + ".old");
            AtomicFile.move(target, old);
        }
        try {
            AtomicFile.move(temp, target);
        } catch (IOException e) {
            if (old != null) AtomicFile.move(old, target); // put the previous site back
            throw e;
        }
        if (old != null) AtomicFile.deleteQuietly(old);
        done = true;
    }

    /** Throws the unfinished output away; the target folder is untouched. */
    @Override
    public void close() {
        if (!done) AtomicFile.deleteQuietly(temp);
        reused.clear();
        done = true;
    }
}
