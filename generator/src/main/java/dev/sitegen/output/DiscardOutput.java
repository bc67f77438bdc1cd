package dev.sitegen.output;

import java.nio.file.Path;
import java.util.Set;

/** Keeps nothing, for checking a site; paths are still checked as a real output would check them. */
final class DiscardOutput implements OutputDir {
    private final WrittenPaths written = new WrittenPaths();

    @Override
    public Path target() {
        return null;
    }

    @Override
    public void write(String path, byte[] bytes) {
        written.add(path);
        SafePath.resolve(Path.of("/"), path);
    }

    @Override
    public void copy(String path, Path source) {
        write(path, null);
    }

    @Override
    public void reuse(String path, Path previous) {
        written.add(path);
    }

    @Override
    public byte[] read(String path) {
        return null;
    }

    @Override
    public boolean keepsFiles() {
        return false;
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
    public void commit(BeforeChange beforeChange) {
        // nothing to make
    }

    @Override
    public void close() {
        // nothing kept
    }
}
