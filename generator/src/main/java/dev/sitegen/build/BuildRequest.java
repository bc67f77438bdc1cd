package dev.sitegen.build;

import dev.sitegen.output.OutputFolder;

import java.nio.file.Path;

/**
 * What to build: the site folder (with site.yaml), the output folder, and optionally a base URL that replaces
 * site.yaml's (for previews and sub-path deployments). With {@code useCache}, pages whose inputs did not change since
 * the last build are taken from the previous output (the cache lives in {@code cacheDir}, never beside the output).
 * {@code search} writes the search index; it is on unless switched off, which the benchmark does to measure what the
 * index costs. {@code force} lets a build replace a non-empty folder that site-gen did not make; {@code projectDir} is
 * the folder the build runs for (Maven's project, the command line's working folder), which an output folder may never
 * be or contain.
 */
public record BuildRequest(Path sourceDir, Path outputDir, String baseUrl, boolean useCache, Write write, boolean search,
                           boolean force, Path projectDir, Path cacheDir, boolean drafts) {

    /** How the output reaches its folder: swapped in whole, updated file by file (dev server), or not at all (check). */
    public enum Write { SWAP, IN_PLACE, NONE }

    public BuildRequest {
        if (sourceDir == null || outputDir == null) throw new IllegalArgumentException("sourceDir and outputDir are required");
        sourceDir = sourceDir.toAbsolutePath().normalize();
        outputDir = outputDir.toAbsolutePath().normalize();
        if (baseUrl != null && baseUrl.isBlank()) baseUrl = null;
        if (write == null) write = Write.SWAP;
        projectDir = (projectDir == null ? Path.of("") : projectDir).toAbsolutePath().normalize();
        cacheDir = (cacheDir == null ? defaultCacheDir() : cacheDir).toAbsolutePath().normalize();
    }

    public BuildRequest(Path sourceDir, Path outputDir, String baseUrl, boolean useCache, Write write) {
        this(sourceDir, outputDir, baseUrl, useCache, write, true, false, null, null, false);
    }

    public BuildRequest(Path sourceDir, Path outputDir, String baseUrl, boolean useCache) {
        this(sourceDir, outputDir, baseUrl, useCache, Write.SWAP);
    }

    public BuildRequest(Path sourceDir, Path outputDir, String baseUrl) {
        this(sourceDir, outputDir, baseUrl, true, Write.SWAP);
    }

    public BuildRequest(Path sourceDir, Path outputDir) {
        this(sourceDir, outputDir, null, true, Write.SWAP);
    }

    /**
     * Builds guides marked {@code draft: true} too, marked as drafts: the dev server's preview. A site to publish
     * leaves them out.
     */
    public BuildRequest withDrafts(boolean on) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, write, search, force, projectDir, cacheDir, on);
    }

    public BuildRequest withWrite(Write mode) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, mode, search, force, projectDir, cacheDir, drafts);
    }

    public BuildRequest withSearch(boolean on) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, write, on, force, projectDir, cacheDir, drafts);
    }

    /** Lets the build replace a non-empty output folder that site-gen did not make (the user said it may go). */
    public BuildRequest withForce(boolean on) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, write, search, on, projectDir, cacheDir, drafts);
    }

    public BuildRequest withProjectDir(Path dir) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, write, search, force, dir, cacheDir, drafts);
    }

    public BuildRequest withCacheDir(Path dir) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, write, search, force, projectDir, dir, drafts);
    }

    public BuildRequest withOutputDir(Path dir) {
        return new BuildRequest(sourceDir, dir, baseUrl, useCache, write, search, force, projectDir, cacheDir, drafts);
    }

    /** The render cache of this output folder, in the cache folder: it is never published with the site. */
    public Path cacheFile() {
        return cacheDir.resolve("builds").resolve(OutputFolder.stateName(OutputFolder.real(outputDir)) + ".cache");
    }

    /** The lock that builds into this output folder take turns on; beside its cache, so every build finds it. */
    public Path lockFile() {
        return cacheDir.resolve("builds").resolve(OutputFolder.stateName(OutputFolder.real(outputDir)) + ".lock");
    }

    /**
     * The user's cache folder for site-gen: {@code -Dsite-gen.cacheDir}, {@code SITE_GEN_CACHE_DIR},
     * {@code $XDG_CACHE_HOME/site-gen}, {@code %LOCALAPPDATA%\site-gen} on Windows, else {@code ~/.cache/site-gen}.
     */
    public static Path defaultCacheDir() {
        String set = System.getProperty("site-gen.cacheDir");
        if (set == null || set.isBlank()) set = System.getenv("SITE_GEN_CACHE_DIR");
        if (set != null && !set.isBlank()) return Path.of(set);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "site-gen");
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank() && System.getProperty("os.name", "").startsWith("Windows")) return Path.of(local, "site-gen");
        return Path.of(System.getProperty("user.home"), ".cache", "site-gen");
    }
}
