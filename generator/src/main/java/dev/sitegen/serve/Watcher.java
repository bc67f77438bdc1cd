package dev.sitegen.serve;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a folder tree and reports changed files in batches: a burst of events (an editor's atomic save is a write, a
 * rename and a delete; a git checkout is hundreds) becomes one call once the tree has been quiet for {@code quiet}.
 * Editor scratch files (dot files, {@code ~} backups, swap files) are ignored.
 */
public final class Watcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new HashMap<>();
    private final Duration quiet;
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;
    private final Path root;
    /** The identity of the root folder watched, to see when another folder took its place. */
    private Object rootKey;

    public Watcher(Path root, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quiet = quiet;
        this.onChange = onChange;
        this.root = root;
        this.rootKey = identity(root);
        registerTree(root);
        this.thread = new Thread(this::run, "site-gen-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Registers every folder below {@code root}. A folder made between listing and registering would send no event and
     * never be watched (mkdir -p of several levels does that), so the tree is listed again until nothing new turns up.
     */
    private void registerTree(Path root) throws IOException {
        boolean found = true;
        while (found) {
            found = false;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path dir : walk.filter(Files::isDirectory).toList()) {
                    if (ignored(dir) && !dir.equals(root)) continue;
                    if (!registered.add(dir)) continue;
                    WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                    dirs.put(key, dir);
                    found = true;
                }
            }
        }
    }

    private final Set<Path> registered = new HashSet<>();

    private void run() {
        Set<Path> batch = new LinkedHashSet<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.poll(batch.isEmpty() ? ROOT_CHECK.toMillis() : quiet.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null && batch.isEmpty()) {
                    if (rootReplaced()) batch.add(root);
                    continue;
                }
                if (key == null) { // quiet for long enough: one rebuild for the whole burst
                    Set<Path> changed = Set.copyOf(batch);
                    batch.clear();
                    onChange.accept(changed);
                    continue;
                }
                Path dir = dirs.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                        batch.add(dir == null ? Path.of(".") : dir);
                        continue;
                    }
                    Path file = dir.resolve((Path) event.context());
                    if (ignored(file)) continue;
                    batch.add(file);
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                        try {
                            registerTree(file);
                        } catch (IOException e) {
                            // a folder that vanished at once; its files' events are gone too
                        }
                    }
                }
                if (!key.reset()) registered.remove(dirs.remove(key));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How often the root folder is looked at. No event says it came back after it was deleted (its parent is not
     * watched), or that another folder was moved into its place (the old watch follows the old folder): a git checkout
     * of another branch can do either.
     */
    private static final Duration ROOT_CHECK = Duration.ofMillis(250);

    /** True, with the new tree watched, when the root folder is back or is another folder than the one watched. */
    private boolean rootReplaced() {
        Object now = identity(root);
        if (now == null || now.equals(rootKey) && registered.contains(root)) return false;
        dirs.keySet().forEach(WatchKey::cancel);
        dirs.clear();
        registered.clear();
        try {
            registerTree(root);
        } catch (IOException e) {
            return false; // gone again while listing: the next look tries again
        }
        rootKey = now;
        return true;
    }

    private static Object identity(Path dir) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class);
            return attributes.isDirectory() ? (attributes.fileKey() != null ? attributes.fileKey() : dir) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static boolean ignored(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.startsWith("#") || name.endsWith(".tmp");
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        service.close();
        // A rebuild under way finishes first: after close, nothing writes into the output.
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
