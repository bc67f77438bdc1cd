package dev.sitegen.serve;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import org.slf4j.helpers.NOPLogger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a folder tree and reports changed files in batches: a burst of events (an editor's atomic save is a write, a
 * rename and a delete; a git checkout is hundreds) becomes one call once the tree has been quiet for {@code quiet}.
 * Editor scratch files and anything below a dot folder ({@code .git}) are ignored.
 *
 * <p>The events come from directory-watcher (io.methvin): FSEvents on macOS, where the JDK's own WatchService only
 * polls every few seconds; the JDK's WatchService (inotify) on Linux and Windows, with the library registering every
 * folder of the tree, new ones included. What is ours: the batching, and noticing that the root folder was replaced.
 */
public final class Watcher implements AutoCloseable {
    private final Duration quiet;
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;
    private final Path root;
    private final BlockingQueue<Path> events = new LinkedBlockingQueue<>();
    /** The library's watch loop runs here, one thread, so that it never takes a thread of the common pool for good. */
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "site-gen-watch-events");
        t.setDaemon(true);
        return t;
    });
    private volatile DirectoryWatcher watcher;
    /** The identity of the root folder watched, to see when another folder took its place. */
    private Object rootKey;

    public Watcher(Path root, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        this.quiet = quiet;
        this.onChange = onChange;
        this.root = root.toAbsolutePath().normalize();
        this.rootKey = identity(this.root);
        this.watcher = watch();
        this.thread = new Thread(this::run, "site-gen-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private DirectoryWatcher watch() throws IOException {
        if (!Files.isDirectory(root)) throw new IOException("no folder " + root + " to watch");
        DirectoryWatcher w = DirectoryWatcher.builder().path(root).fileHashing(false).logger(NOPLogger.NOP_LOGGER)
                .listener(this::event).build();
        w.watchAsync(loop);
        return w;
    }

    private void event(DirectoryChangeEvent event) {
        Path path = event.path() == null ? root : event.path().toAbsolutePath().normalize();
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) events.add(root); // some were lost: all may have changed
        else if (!ignoredBelowRoot(path)) events.add(path);
    }

    /** An ignored name anywhere between the root and the file: {@code .git/index} is as ignored as {@code .git}. */
    private boolean ignoredBelowRoot(Path path) {
        if (!path.startsWith(root)) return false;
        for (Path part : root.relativize(path)) if (ignored(part)) return true;
        return false;
    }

    private void run() {
        Set<Path> batch = new LinkedHashSet<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Path changed = events.poll(batch.isEmpty() ? ROOT_CHECK.toMillis() : quiet.toMillis(), TimeUnit.MILLISECONDS);
                if (changed == null && batch.isEmpty()) {
                    if (rootReplaced()) batch.add(root);
                    continue;
                }
                if (changed == null) { // quiet for long enough: one rebuild for the whole burst
                    Set<Path> files = Set.copyOf(batch);
                    batch.clear();
                    onChange.accept(files);
                    continue;
                }
                batch.add(changed);
            }
        } catch (InterruptedException e) {
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
        if (now == null || now.equals(rootKey) && !watcher.isClosed()) return false;
        try {
            watcher.close();
            watcher = watch();
        } catch (IOException e) {
            return false; // gone again while starting: the next look tries again
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
        watcher.close();
        loop.shutdownNow();
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
