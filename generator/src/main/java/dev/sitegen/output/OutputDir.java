package dev.sitegen.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A build's output. Nothing reaches the target folder unless {@link #commit} is called, so a failed or killed build
 * leaves the previous site as it was. Three ways to get there: {@link #begin} (a new folder swapped in),
 * {@link #inPlace} (the dev server's rebuilds), {@link #discard} (checking a site). Paths are site-relative with
 * forward slashes ({@code web/html/index.html}); writing one path twice is our bug.
 */
public interface OutputDir extends AutoCloseable {

    /** Starts a build into {@code target}; leftovers of a killed earlier build are removed first. */
    static OutputDir begin(Path target) throws IOException {
        return SwapOutput.begin(target);
    }

    /**
     * Updates an existing output folder file by file on commit. {@code previous} is what the last build wrote there,
     * so that pages that are gone can be removed without walking the folder; null when unknown (then it is walked).
     */
    static OutputDir inPlace(Path target, Set<String> previous) throws IOException {
        return new InPlaceOutput(target, previous);
    }

    /** Keeps nothing: for checking a site. */
    static OutputDir discard() {
        return new DiscardOutput();
    }

    /** The folder this output becomes, or null when it keeps nothing. */
    Path target();

    void write(String path, byte[] bytes);

    /** Copies a file into the output without holding it in memory: static files may be videos of hundreds of MB. */
    void copy(String path, Path source);

    /**
     * Puts an unchanged file from the previous output into this one: a hard link where the file system allows it
     * (nothing is copied; files are never changed in place, so the two folders cannot disturb each other), else a copy.
     */
    void reuse(String path, Path previous);

    /** The bytes this build put at {@code path}: written, or taken from the previous build; null if none or kept nowhere. */
    byte[] read(String path) throws IOException;

    /** Whether {@link #read} gives back what was written. */
    boolean keepsFiles();

    /** The site-relative paths written so far. */
    Set<String> written();

    /** The paths whose content this build changed (in place: written on commit; otherwise every written path). */
    Set<String> changed();

    boolean contains(String path);

    /** Makes the output the site, running {@code beforeChange} first unless the target is left as it is. */
    void commit(BeforeChange beforeChange) throws IOException;

    /** As {@link #commit(BeforeChange)} with nothing to do first. */
    default void commit() throws IOException {
        commit(() -> { });
    }

    /** Throws an unfinished output away; the target folder is untouched. */
    @Override
    void close();

    /** Something to do just before a commit changes the target folder, and only if it does. */
    @FunctionalInterface
    interface BeforeChange {
        void run() throws IOException;
    }
}
