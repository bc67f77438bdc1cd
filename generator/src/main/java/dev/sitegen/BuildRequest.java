package dev.sitegen;

import java.nio.file.Path;

/**
 * What to build: the site folder (with site.yaml), the output folder, optionally a base URL that replaces
 * site.yaml's (for previews and sub-path deployments), and whether to write the search index (on unless switched
 * off, which the benchmark does to measure what the index costs).
 */
public record BuildRequest(Path sourceDir, Path outputDir, String baseUrl, boolean search) {
    public BuildRequest {
        if (sourceDir == null || outputDir == null) throw new IllegalArgumentException("sourceDir and outputDir are required");
        sourceDir = sourceDir.toAbsolutePath().normalize();
        outputDir = outputDir.toAbsolutePath().normalize();
        if (baseUrl != null && baseUrl.isBlank()) baseUrl = null;
    }

    public BuildRequest(Path sourceDir, Path outputDir, String baseUrl) {
        this(sourceDir, outputDir, baseUrl, true);
    }

    public BuildRequest(Path sourceDir, Path outputDir) {
        this(sourceDir, outputDir, null);
    }
}
