package dev.sitegen;

import java.nio.file.Path;

/**
 * What to build: the site folder (with site.yaml), the output folder, and optionally a base URL that replaces
 * site.yaml's (for previews and sub-path deployments). With {@code useCache}, pages whose inputs did not change since
 * the last build are taken from the previous output (the cache is a file beside the output folder). {@code search}
 * writes the search index; it is on unless switched off, which the benchmark does to measure what the index costs.
 */
public record BuildRequest(Path sourceDir, Path outputDir, String baseUrl, boolean useCache, Write write, boolean search) {

    /** How the output reaches its folder: swapped in whole, updated file by file (dev server), or not at all (check). */
    public enum Write { SWAP, IN_PLACE, NONE }

    public BuildRequest {
        if (sourceDir == null || outputDir == null) throw new IllegalArgumentException("sourceDir and outputDir are required");
        sourceDir = sourceDir.toAbsolutePath().normalize();
        outputDir = outputDir.toAbsolutePath().normalize();
        if (baseUrl != null && baseUrl.isBlank()) baseUrl = null;
        if (write == null) write = Write.SWAP;
    }

    public BuildRequest(Path sourceDir, Path outputDir, String baseUrl, boolean useCache, Write write) {
        this(sourceDir, outputDir, baseUrl, useCache, write, true);
    }

    public BuildRequest(Path sourceDir, Path outputDir, String baseUrl, boolean useCache) {
        this(sourceDir, outputDir, baseUrl, useCache, Write.SWAP, true);
    }

    public BuildRequest(Path sourceDir, Path outputDir, String baseUrl) {
        this(sourceDir, outputDir, baseUrl, true, Write.SWAP, true);
    }

    public BuildRequest(Path sourceDir, Path outputDir) {
        this(sourceDir, outputDir, null, true, Write.SWAP, true);
    }

    public BuildRequest withWrite(Write mode) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, mode, search);
    }

    public BuildRequest withSearch(boolean on) {
        return new BuildRequest(sourceDir, outputDir, baseUrl, useCache, write, on);
    }

    /** {@code target/.site.cache} for {@code target/site}: beside the output, so it never ships with the site. */
    public Path cacheFile() {
        return outputDir.resolveSibling("." + outputDir.getFileName() + ".cache");
    }
}
