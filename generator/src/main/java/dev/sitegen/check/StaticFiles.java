package dev.sitegen.check;

import dev.sitegen.load.Site;
import dev.sitegen.output.SafePath;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of {@code static/} that may be published: safe names, nothing reached through a link from outside. */
public final class StaticFiles {
    private StaticFiles() {}

    /** The publishable static files by site path; the others are reported. */
    public static Map<String, Path> publishable(Site site, Report report) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (site.staticDir() == null) return files;
        try (Stream<Path> walk = Files.walk(site.staticDir())) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = site.staticDir().relativize(p).toString().replace('\\', '/');
                String problem = SafePath.problem(rel);
                if (problem != null) {
                    report.error(p, Pos.UNKNOWN, "static file name " + problem);
                } else if (!p.toRealPath().startsWith(site.dir().toRealPath())) {
                    report.error(p, Pos.UNKNOWN, "symbolic link points outside the site folder; copy the file in instead");
                } else {
                    if (hardLinks(p) > 1) {
                        report.warn(p, Pos.UNKNOWN, "this file has " + hardLinks(p) + " hard links: the same content is also under"
                                + " another name, perhaps outside the site, and is published; copy the file in if that is not meant");
                    }
                    files.put(rel, p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    /** How many names the file has (1 where the file system cannot say). */
    private static int hardLinks(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }
}
