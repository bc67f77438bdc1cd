package dev.sitegen.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The date of each file's last commit, from one {@code git log} over the site folder: what a page without
 * {@code updated} shows. No git, no repository, a file never committed: no date, and no problem either (a site need
 * not be in git). One pass for the whole site, not one per file: on the example site one pass takes about as long as
 * a single per-file call would.
 *
 * <p>The site may be someone else's: git runs with the repository's own hooks and file-system monitor switched off,
 * no pager and no prompt, and only reads.
 */
final class GitDates {
    private GitDates() {}

    /** Commit dates by absolute, normalised path; empty when git cannot tell. */
    static Map<Path, LocalDate> of(Path siteDir) {
        Path dir = siteDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) return Map.of();
        ProcessBuilder git = new ProcessBuilder(List.of("git", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.quotePath=false",
                "--no-pager", "log", "--format=@%cs", "--name-only", "--no-renames", "--relative", "--", "."))
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        git.environment().put("GIT_TERMINAL_PROMPT", "0");
        git.environment().put("GIT_OPTIONAL_LOCKS", "0");
        Process process;
        try {
            process = git.start();
        } catch (IOException e) {
            return Map.of(); // no git on this machine
        }
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) return Map.of();
            // Newest commit first: a file's first mention is its last change.
            Map<Path, LocalDate> dates = new HashMap<>();
            LocalDate current = null;
            for (String line : out.split("\n")) {
                if (line.startsWith("@")) {
                    current = parse(line.substring(1).strip());
                } else if (!line.isBlank() && current != null) {
                    try {
                        dates.putIfAbsent(dir.resolve(line.strip()).normalize(), current);
                    } catch (InvalidPathException e) {
                        // a name this file system cannot hold is no page of the site
                    }
                }
            }
            return dates;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            process.destroy();
        }
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
