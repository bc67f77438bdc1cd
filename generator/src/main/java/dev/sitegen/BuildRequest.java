package dev.sitegen;

import java.nio.file.Path;

/**
 * What to build: the site folder (with site.yaml), the output folder, and optionally a base URL that replaces
 * site.yaml's (for previews and sub-path deployments).
 */
public record BuildRequest(Path sourceDir, Path outputDir, String baseUrl) {
    public BuildRequest {
        if (sourceDir == null || outputDir == null) throw new IllegalArgumentException("sourceDir and outputDir are required");
        sourceDir = sourceDir.toAbsolutePath().normalize();
        outputDir = outputDir.toAbsolutePath().normalize();
        if (baseUrl != null && baseUrl.isBlank()) baseUrl = null;
    }

    public BuildRequest(Path sourceDir, Path outputDir) {
        this(sourceDir, outputDir, null);
    }
}
