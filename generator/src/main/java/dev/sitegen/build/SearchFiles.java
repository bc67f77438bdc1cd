package dev.sitegen.build;

import dev.sitegen.load.Site;
import dev.sitegen.output.AtomicFile;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.OutputFolder;
import dev.sitegen.output.SafePath;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.search.SearchDocument;
import dev.sitegen.search.SearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Where the search index's files go: into a new output with the rest of the site, taken unchanged from the previous
 * output, or over the previous index in place (the dev server, after the reload). A file whose bytes equal its
 * namesake in the previous index is linked, not written again.
 */
final class SearchFiles {
    private SearchFiles() {}

    /**
     * Writes the search index under search/, unless a static file already took one of its paths. With the
     * {@code previous} output, a file with the bytes of its namesake in the previous index's version folder is taken
     * from there instead of written again: after an edit of one page, all but a few of a large site's thousands of
     * index files are (at 10,000 pages, 2,742 of 2,744).
     */
    static void write(Site site, List<SearchDocument> documents, OutputDir out, Report report, Path previous) {
        Path before = previous == null ? null : previousVersion(previous.resolve("search"));
        for (var file : SearchIndex.of(documents).files().entrySet()) {
            if (out.contains(file.getKey())) {
                Path at = site.staticDir() == null ? site.dir() : site.staticDir().resolve(file.getKey());
                report.error(at, Pos.UNKNOWN, "static file would replace the search index's /" + file.getKey() + "; rename it (search/ belongs to the site)");
                continue;
            }
            Path same = namesake(before, file.getKey());
            if (same != null && sameBytes(same, file.getValue())) out.reuse(file.getKey(), same);
            else out.write(file.getKey(), file.getValue());
        }
    }

    /** The previous index's version folder: the only folder in {@code search}, or null. */
    private static Path previousVersion(Path search) {
        if (!Files.isDirectory(search, LinkOption.NOFOLLOW_LINKS)) return null;
        try (var list = Files.list(search)) {
            List<Path> dirs = list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
            return dirs.size() == 1 ? dirs.get(0) : null;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** For an index file {@code search/<version>/<name>}, the file of that name in the {@code before} version folder. */
    private static Path namesake(Path before, String key) {
        String[] parts = key.split("/");
        return before == null || parts.length != 3 ? null : before.resolve(parts[2]);
    }

    private static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Takes the previous build's search files as they are; false when they are not all there. */
    static boolean reuse(Path previous, OutputDir out) {
        Path search = previous.resolve("search");
        if (!Files.isRegularFile(search.resolve("index.json"))) return false;
        try (var walk = Files.walk(search)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.reuse(previous.relativize(p).toString().replace('\\', '/'), p);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The index written over the previous one, file by file, then the files of older indexes removed. */
    static void writeInPlace(BuildRequest request, List<SearchDocument> documents) {
        Path target = request.outputDir();
        // Another build may have started since this one ended: the index is written under the same lock as pages.
        try (OutputFolder.Held lock = OutputFolder.lock(target, request.lockFile(), System.err::println)) {
            var files = SearchIndex.of(documents).files();
            // As in write(): a file with the bytes of its namesake in the previous version folder is linked, not written.
            Path before = previousVersion(target.resolve("search"));
            for (var file : files.entrySet()) {
                Path path = SafePath.resolve(target, file.getKey());
                Path same = namesake(before, file.getKey());
                boolean unchanged = same != null && sameBytes(same, file.getValue());
                if (unchanged && same.equals(path)) continue;
                if (unchanged) AtomicFile.link(path, same);
                else AtomicFile.write(path, file.getValue());
            }
            Path search = target.resolve("search");
            if (Files.isDirectory(search)) {
                try (var walk = Files.walk(search)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        String rel = target.relativize(p).toString().replace('\\', '/');
                        if (Files.isRegularFile(p) && !files.containsKey(rel)) Files.deleteIfExists(p);
                        else if (Files.isDirectory(p) && !p.equals(search)) {
                            try (var left = Files.list(p)) {
                                if (left.findAny().isEmpty()) Files.delete(p);
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("site-gen: the search index could not be updated: " + e.getMessage());
        }
    }

}
