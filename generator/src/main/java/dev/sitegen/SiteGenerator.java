package dev.sitegen;

import dev.sitegen.check.ExternalLinks;
import dev.sitegen.check.PlanCheck;
import dev.sitegen.check.SiteCheck;
import dev.sitegen.check.StaticFiles;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.content.BaseUrl;
import dev.sitegen.content.SiteConfig;
import dev.sitegen.load.Site;
import dev.sitegen.load.SiteLoader;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.OutputFolder;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.content.Markdown;
import dev.sitegen.render.RenderCache;
import dev.sitegen.render.Renderer;
import dev.sitegen.render.Theme;
import dev.sitegen.search.SearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The one entry point: {@code new SiteGenerator().build(new BuildRequest(Path.of("content"), Path.of("target/site")))}.
 * A build is load → check → render → write; problems stop it before the output is touched, so a failed build
 * leaves the previous site exactly as it was.
 */
public final class SiteGenerator {
    // Kept between builds of one generator, so that the dev server's rebuilds parse and compile only what changed.
    private final dev.sitegen.content.LoadCache loaded = new dev.sitegen.content.LoadCache();
    private Theme theme;
    private String themeStamp;
    private Markdown markdown;
    private RenderCache lastCache;
    private final dev.sitegen.render.Memo memo = new dev.sitegen.render.Memo();
    private int builds;
    private Path lastOutput;
    private java.util.Set<String> lastWritten;

    /** With -Dsite-gen.timing=true, each stage's time goes to stderr: for profiling, not for users. */
    private static final boolean TIMING = Boolean.getBoolean("site-gen.timing");

    private static long lap(String stage, long since) {
        long now = System.nanoTime();
        if (TIMING) System.err.printf("site-gen timing: %-8s %6d ms%n", stage, (now - since) / 1_000_000);
        return now;
    }

    public BuildResult build(BuildRequest request) {
        long start = System.nanoTime();
        // Every check and every write below sees the output folder with its links resolved.
        request = request.withOutputDir(OutputFolder.real(request.outputDir()));
        Report report = new Report(request.sourceDir());
        Site site = checked(new SiteLoader(report, loaded).load(request.sourceDir()), report);
        long t = lap("load", start);
        if (site != null && request.baseUrl() != null) site = withBaseUrl(site, request.baseUrl(), report);
        if (request.write() == BuildRequest.Write.NONE) {
            checkOutput(request, report);
            return site == null || report.hasErrors() ? failed(request, report) : write(request, site, report, start, t);
        }
        // Builds into one folder take turns; the checks of the folder are made once it is ours.
        try (OutputFolder.Held lock = OutputFolder.lock(request.outputDir(), request.lockFile(), System.err::println)) {
            checkOutput(request, report);
            if (site == null || report.hasErrors()) return failed(request, report);
            return write(request, site, report, start, t);
        } catch (IOException e) {
            report.error(request.outputDir(), Pos.UNKNOWN, "cannot take the lock " + request.lockFile() + " that keeps two builds out of"
                    + " one folder: " + e.getMessage() + "; set SITE_GEN_CACHE_DIR to a folder you can write");
            return failed(request, report);
        }
    }

    private BuildResult write(BuildRequest request, Site site, Report report, long start, long t) {
        try (OutputDir out = switch (request.write()) {
            case SWAP -> OutputDir.begin(request.outputDir());
            case IN_PLACE -> OutputDir.inPlace(request.outputDir(), request.outputDir().equals(lastOutput) ? lastWritten : null);
            case NONE -> OutputDir.discard();
        }) {
            // Bodies and diagrams are kept from the second build of a generator on (the dev server's rebuilds); a one-off
            // build would only pay for keeping them.
            SitePlan plan = SitePlan.of(site, StaticFiles.publishable(site, report));
            PlanCheck.check(plan, report);
            Renderer renderer = new Renderer(plan, report, theme(site), markdown(site), builds++ > 0 ? memo : dev.sitegen.render.Memo.none());
            boolean cached = request.useCache() && request.write() != BuildRequest.Write.NONE;
            Path cache = cached ? request.cacheFile() : null;
            RenderCache previous = !cached ? RenderCache.empty()
                    : lastCache != null && request.outputDir().equals(lastOutput) ? lastCache
                    // Without the previous output there is nothing to take from it: the cache would only take memory.
                    : java.nio.file.Files.isDirectory(request.outputDir()) ? RenderCache.read(cache, site.dir()) : RenderCache.empty();
            boolean deferIndex = request.write() == BuildRequest.Write.IN_PLACE;
            t = lap("prepare", t);
            // Rebuilding in place after our own build, the files the cache speaks of are there: no need to look.
            Renderer.Result rendered = renderer.render(out, new Renderer.Scope(previous, cached ? request.outputDir() : null,
                    request.write() == BuildRequest.Write.IN_PLACE && request.outputDir().equals(lastOutput), request.search(),
                    cached && request.search() && !deferIndex));
            t = lap("render", t);
            if (request.search() && !deferIndex && !report.hasErrors()) {
                if (!(cached && rendered.searchUnchanged() && reuseIndex(request.outputDir(), out))) {
                    index(site, rendered, out, report, cached ? request.outputDir() : null);
                }
                t = lap("index", t);
            }
            if (out.contains(OutputFolder.MARKER)) {
                report.error(site.staticDir() == null ? site.dir() : site.staticDir().resolve(OutputFolder.MARKER), Pos.UNKNOWN,
                        "static file would replace the file " + OutputFolder.MARKER + " that marks the site as site-gen's; rename it");
            } else {
                out.write(OutputFolder.MARKER, OutputFolder.markerText());
            }
            if (report.hasErrors()) {
                memo.rollback();
                return failed(request, report);
            }
            // The dev server rebuilds the index after the reload event: search may lag a page by a second, edits do not.
            pendingIndex = request.search() && deferIndex ? () -> indexInPlace(request, rendered) : null;
            // The cache speaks of the folder a commit changes: it goes first and is saved again after, so a build
            // killed in between renders every page next time instead of trusting entries for files that moved on.
            out.commit(() -> {
                if (cache != null && request.write() == BuildRequest.Write.SWAP) java.nio.file.Files.deleteIfExists(cache);
            });
            t = lap("write", t);
            memo.commit();
            lastWritten = out.written();
            lastCache = cached ? rendered.cache().next() : null;
            lastOutput = request.outputDir();
            // The dev server keeps its cache in memory; a build leaves it in a file for the next run.
            if (cache != null && request.write() == BuildRequest.Write.SWAP) saveCache(rendered.cache(), cache, site);
            int pages = (int) out.written().stream().filter(p -> p.endsWith(".html")).count();
            return new BuildResult(true, report.problems(), pages, site.roadmaps().size(), (System.nanoTime() - start) / 1_000_000,
                    request.outputDir(), rendered.reused(), out.changed());
        } catch (IOException | UncheckedIOException e) {
            memo.rollback();
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            if (cause instanceof java.nio.file.NoSuchFileException gone && gone.getFile() != null
                    && Path.of(gone.getFile()).toAbsolutePath().startsWith(request.sourceDir().toAbsolutePath())) {
                report.error(Path.of(gone.getFile()), Pos.UNKNOWN, "file disappeared during the build (deleted or renamed); build again");
            } else {
                String message = e instanceof UncheckedIOException u ? u.getMessage() : String.valueOf(e.getMessage());
                report.error(request.outputDir(), Pos.UNKNOWN, "cannot write the site: " + message);
            }
            return failed(request, report);
        }
    }

    /**
     * Checks a site without writing it: everything a build checks, plus orphan topics and duplicate titles, which a
     * build only warns about; with {@code externalTimeout}, also every external link (see {@link ExternalLinks}).
     */
    public BuildResult check(BuildRequest request, java.time.Duration externalTimeout, boolean failOnNetworkError) {
        long start = System.nanoTime();
        BuildRequest dry = new BuildRequest(request.sourceDir(), request.outputDir(), request.baseUrl(), false, BuildRequest.Write.NONE);
        Report report = new Report(dry.sourceDir());
        Site site = checked(new SiteLoader(report).load(dry.sourceDir()), report);
        if (site != null && dry.baseUrl() != null) site = withBaseUrl(site, dry.baseUrl(), report);
        int pages = 0;
        if (site != null && !report.hasErrors()) {
            try (OutputDir out = OutputDir.discard()) {
                SitePlan plan = SitePlan.of(site, StaticFiles.publishable(site, report));
                PlanCheck.check(plan, report);
                Renderer renderer = new Renderer(plan, report, new Theme(site.themeDir()), new Markdown(site.config().allowHtml()),
                        dev.sitegen.render.Memo.none());
                renderer.render(out, new Renderer.Scope(RenderCache.empty(), null, false, false, false));
                pages = (int) out.written().stream().filter(p -> p.endsWith(".html")).count();
                if (externalTimeout != null && !report.hasErrors()) {
                    new ExternalLinks(externalTimeout, failOnNetworkError).check(renderer.externalLinks()).forEach(report::add);
                }
            } catch (IOException | UncheckedIOException e) {
                report.error(dry.sourceDir(), Pos.UNKNOWN, "cannot read the site: " + e.getMessage());
            }
        }
        // What a build lets through with a warning, a check refuses: that is what checking is for.
        java.util.List<dev.sitegen.problem.Problem> problems = report.problems().stream()
                .map(p -> p.isError() || p.message().startsWith("could not check ") ? p
                        : dev.sitegen.problem.Problem.error(p.file(), p.line(), p.column(), p.message())).toList();
        boolean ok = problems.stream().noneMatch(dev.sitegen.problem.Problem::isError);
        return new BuildResult(ok, problems, ok ? pages : 0, site == null ? 0 : site.roadmaps().size(),
                (System.nanoTime() - start) / 1_000_000, request.outputDir(), 0, java.util.Set.of());
    }

    /** The site, checked; null when there is no site to build (no folder, or no readable site.yaml). */
    private static Site checked(Site site, Report report) {
        if (site == null) return null;
        SiteCheck.check(site, report);
        return site.config() == null ? null : site;
    }

    private static BuildResult failed(BuildRequest request, Report report) {
        return new BuildResult(false, report.problems(), 0, 0, 0, request.outputDir(), 0, java.util.Set.of());
    }

    private volatile Runnable pendingIndex;

    /**
     * Writes the search index the last in-place build left for later (see {@link BuildRequest.Write#IN_PLACE}). May run
     * on another thread than the builds; in-place commits leave search/ to it.
     */
    public synchronized void writePendingIndex() {
        Runnable index = pendingIndex;
        pendingIndex = null;
        if (index != null) index.run();
    }

    /**
     * Writes the search index under search/, unless a static file already took one of its paths. With the
     * {@code previous} output, a file with the bytes of its namesake in the previous index's version folder is taken
     * from there instead of written again: after an edit of one page, all but a few of a large site's thousands of
     * index files are (at 10,000 pages, 2,742 of 2,744).
     */
    private static void index(Site site, Renderer.Result rendered, OutputDir out, Report report, Path previous) {
        Path before = previous == null ? null : previousVersion(previous.resolve("search"));
        for (var file : SearchIndex.of(rendered.searchDocuments().get()).files().entrySet()) {
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
        if (!java.nio.file.Files.isDirectory(search, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return null;
        try (var list = java.nio.file.Files.list(search)) {
            java.util.List<Path> dirs = list.filter(p -> java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
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
            return java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && java.nio.file.Files.size(file) == bytes.length
                    && java.util.Arrays.equals(java.nio.file.Files.readAllBytes(file), bytes);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Takes the previous build's search files as they are; false when they are not all there. */
    private static boolean reuseIndex(Path previous, OutputDir out) {
        Path search = previous.resolve("search");
        if (!java.nio.file.Files.isRegularFile(search.resolve("index.json"))) return false;
        try (var walk = java.nio.file.Files.walk(search)) {
            for (Path p : walk.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                out.reuse(previous.relativize(p).toString().replace('\\', '/'), p);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The index written over the previous one, file by file, then the files of older indexes removed. */
    private static void indexInPlace(BuildRequest request, Renderer.Result rendered) {
        Path target = request.outputDir();
        // Another build may have started since this one ended: the index is written under the same lock as pages.
        try (OutputFolder.Held lock = OutputFolder.lock(target, request.lockFile(), System.err::println)) {
            var files = SearchIndex.of(rendered.searchDocuments().get()).files();
            // As in index(): a file with the bytes of its namesake in the previous version folder is linked, not written.
            Path before = previousVersion(target.resolve("search"));
            for (var file : files.entrySet()) {
                Path path = dev.sitegen.output.SafePath.resolve(target, file.getKey());
                Path same = namesake(before, file.getKey());
                boolean unchanged = same != null && sameBytes(same, file.getValue());
                if (unchanged && same.equals(path)) continue;
                java.nio.file.Files.createDirectories(path.getParent());
                Path part = path.resolveSibling("." + path.getFileName() + ".part");
                java.nio.file.Files.deleteIfExists(part);
                if (unchanged) OutputDir.linkOrCopy(part, same);
                else java.nio.file.Files.write(part, file.getValue());
                java.nio.file.Files.move(part, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            Path search = target.resolve("search");
            if (java.nio.file.Files.isDirectory(search)) {
                try (var walk = java.nio.file.Files.walk(search)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        String rel = target.relativize(p).toString().replace('\\', '/');
                        if (java.nio.file.Files.isRegularFile(p) && !files.containsKey(rel)) java.nio.file.Files.deleteIfExists(p);
                        else if (java.nio.file.Files.isDirectory(p) && !p.equals(search)) {
                            try (var left = java.nio.file.Files.list(p)) {
                                if (left.findAny().isEmpty()) java.nio.file.Files.delete(p);
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("site-gen: the search index could not be updated: " + e.getMessage());
        }
    }

    private Theme theme(Site site) {
        String stamp = String.valueOf(site.themeDir()) + "\n" + Theme.stamp(site.themeDir());
        if (theme == null || !stamp.equals(themeStamp)) {
            theme = new Theme(site.themeDir());
            themeStamp = stamp;
        }
        return theme;
    }

    private Markdown markdown(Site site) {
        if (markdown == null || markdown.allowHtml() != site.config().allowHtml()) markdown = new Markdown(site.config().allowHtml());
        return markdown;
    }

    /** The cache only makes the next build faster; failing to write it must not fail this one. */
    private static void saveCache(RenderCache made, Path cache, Site site) {
        try {
            made.write(cache, site.dir());
        } catch (IOException | RuntimeException e) {
            try {
                java.nio.file.Files.deleteIfExists(cache);
            } catch (IOException ignored) {
                // the next build sees a stale key mismatch at worst, or no cache
            }
        }
    }

    /**
     * The output folder is replaced whole, so it must never hold the sources, the project or the user's files, and it
     * must be a folder site-gen made (or empty, or new) unless the request says it may go. Real paths, links resolved.
     */
    private static void checkOutput(BuildRequest request, Report report) {
        String refusal = outputRefusal(request);
        if (refusal != null) report.error(request.outputDir(), Pos.UNKNOWN, refusal);
    }

    /** Why {@code request} may not write its output folder, or null: for a caller that must know before it starts. */
    public static String outputRefusal(BuildRequest request) {
        String home = System.getProperty("user.home");
        return OutputFolder.refusal(OutputFolder.real(request.outputDir()), OutputFolder.real(request.sourceDir()),
                OutputFolder.real(request.projectDir()), home == null || home.isBlank() ? null : OutputFolder.real(Path.of(home)),
                request.force() || request.write() == BuildRequest.Write.NONE);
    }

    private static Site withBaseUrl(Site site, String baseUrl, Report report) {
        URI uri;
        try {
            uri = BaseUrl.parse(baseUrl);
        } catch (IllegalArgumentException e) {
            report.error(site.config().file(), Pos.UNKNOWN, "base URL '" + baseUrl + "' given on the command line " + e.getMessage());
            return site;
        }
        SiteConfig c = site.config();
        SiteConfig config = new SiteConfig(c.file(), c.title(), c.description(), uri, c.language(), c.theme(), c.menu(), c.allowHtml());
        return new Site(site.dir(), config, site.roadmaps(), site.topics(), site.guides(), site.staticDir(), site.themeDir(), site.fingerprints());
    }
}
