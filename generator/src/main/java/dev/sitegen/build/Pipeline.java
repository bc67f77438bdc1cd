package dev.sitegen.build;

import dev.sitegen.check.ExternalLinks;
import dev.sitegen.check.PlanCheck;
import dev.sitegen.check.SiteCheck;
import dev.sitegen.check.StaticFiles;
import dev.sitegen.content.BaseUrl;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.SiteConfig;
import dev.sitegen.load.Site;
import dev.sitegen.load.SiteLoader;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.OutputFolder;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Problem;
import dev.sitegen.problem.Report;
import dev.sitegen.render.Memo;
import dev.sitegen.render.RenderCache;
import dev.sitegen.render.Renderer;
import dev.sitegen.render.Theme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One build: load → check → plan → check the plan → render → index → write. Problems found before the write stop the
 * build with the previous output as it was. What a rebuild may reuse from the builds before it is kept in a
 * {@link Warm}, passed in.
 */
public final class Pipeline {
    private Pipeline() {}

    /** With -Dsite-gen.timing=true, each stage's time goes to stderr: for profiling, not for users. */
    private static final boolean TIMING = Boolean.getBoolean("site-gen.timing");

    public static BuildResult build(BuildRequest request, Warm warm) {
        long start = System.nanoTime();
        // Every check and every write below sees the output folder with its links resolved.
        BuildRequest req = request.withOutputDir(OutputFolder.real(request.outputDir()));
        Report report = new Report(req.sourceDir());
        Site site = load(req, new SiteLoader(report, warm.loaded()), report);
        lap("load", start);
        if (req.write() == BuildRequest.Write.NONE) {
            checkOutput(req, report);
            return site == null || report.hasErrors() ? failed(req, report) : run(req, site, report, warm, start);
        }
        // Builds into one folder take turns; the checks of the folder are made once it is ours.
        try (OutputFolder.Held lock = OutputFolder.lock(req.outputDir(), req.lockFile(), System.err::println)) {
            checkOutput(req, report);
            return site == null || report.hasErrors() ? failed(req, report) : run(req, site, report, warm, start);
        } catch (IOException e) {
            report.error(req.outputDir(), Pos.UNKNOWN, "cannot take the lock " + req.lockFile() + " that keeps two builds out of"
                    + " one folder: " + e.getMessage() + "; set SITE_GEN_CACHE_DIR to a folder you can write");
            return failed(req, report);
        }
    }

    /** The loaded site with its own checks made and the base URL of the request; null when there is none to build. */
    static Site load(BuildRequest request, SiteLoader loader, Report report) {
        Site site = loader.load(request.sourceDir());
        if (site == null) return null;
        if (!request.drafts()) site = site.withoutDrafts(); // out of pages, lists, feed, sitemap and search alike
        SiteCheck.check(site, report);
        if (site.config() == null) return null;
        return request.baseUrl() == null ? site : withBaseUrl(site, request.baseUrl(), report);
    }

    private static BuildResult run(BuildRequest request, Site site, Report report, Warm warm, long start) {
        long t = System.nanoTime();
        boolean cached = request.useCache() && request.write() != BuildRequest.Write.NONE;
        boolean deferIndex = request.write() == BuildRequest.Write.IN_PLACE;
        try (OutputDir out = warm.open(request)) {
            SitePlan plan = SitePlan.of(site, StaticFiles.publishable(site, report));
            PlanCheck.check(plan, report);
            Renderer.Scope scope = warm.scope(request, site, cached, deferIndex);
            t = lap("plan", t);
            Renderer.Result rendered = warm.renderer(plan, report).render(out, scope);
            t = lap("render", t);
            if (request.search() && !deferIndex && !report.hasErrors()) {
                if (!(cached && rendered.searchUnchanged() && SearchFiles.reuse(request.outputDir(), out))) {
                    SearchFiles.write(site, rendered.searchDocuments().get(), out, report, cached ? request.outputDir() : null);
                }
                t = lap("index", t);
            }
            mark(site, out, report);
            if (report.hasErrors()) {
                warm.failed();
                return failed(request, report);
            }
            // The dev server writes the index after the reload event: search may lag a page by a second, edits do not.
            Runnable later = request.search() && deferIndex ? () -> SearchFiles.writeInPlace(request, rendered.searchDocuments().get()) : null;
            warm.commit(request, site, out, rendered, cached, later);
            lap("write", t);
            int pages = (int) out.written().stream().filter(p -> p.endsWith(".html")).count();
            return new BuildResult(true, report.problems(), pages, site.roadmaps().size(), (System.nanoTime() - start) / 1_000_000,
                    request.outputDir(), rendered.reused(), out.changed());
        } catch (IOException | UncheckedIOException e) {
            warm.failed();
            cannotWrite(request, report, e);
            return failed(request, report);
        }
    }

    /** The marker that makes the output folder ours (see {@link OutputFolder}); a static file may not take its name. */
    private static void mark(Site site, OutputDir out, Report report) {
        if (out.contains(OutputFolder.MARKER)) {
            report.error(site.staticDir() == null ? site.dir() : site.staticDir().resolve(OutputFolder.MARKER), Pos.UNKNOWN,
                    "static file would replace the file " + OutputFolder.MARKER + " that marks the site as site-gen's; rename it");
        } else {
            out.write(OutputFolder.MARKER, OutputFolder.markerText());
        }
    }

    private static void cannotWrite(BuildRequest request, Report report, Exception e) {
        IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        if (cause instanceof NoSuchFileException gone && gone.getFile() != null
                && Path.of(gone.getFile()).toAbsolutePath().startsWith(request.sourceDir().toAbsolutePath())) {
            report.error(Path.of(gone.getFile()), Pos.UNKNOWN, "file disappeared during the build (deleted or renamed); build again");
        } else {
            String message = e instanceof UncheckedIOException u ? u.getMessage() : String.valueOf(e.getMessage());
            report.error(request.outputDir(), Pos.UNKNOWN, "cannot write the site: " + message);
        }
    }

    /**
     * Checks a site without writing it: everything a build checks, plus orphan topics and duplicate titles, which a
     * build only warns about; with {@code externalTimeout}, also every external link (see {@link ExternalLinks}).
     */
    public static BuildResult check(BuildRequest request, Duration externalTimeout, boolean failOnNetworkError) {
        long start = System.nanoTime();
        BuildRequest dry = new BuildRequest(request.sourceDir(), request.outputDir(), request.baseUrl(), false, BuildRequest.Write.NONE);
        Report report = new Report(dry.sourceDir());
        Site site = load(dry, new SiteLoader(report), report);
        int pages = 0;
        if (site != null && !report.hasErrors()) {
            try (OutputDir out = OutputDir.discard()) {
                SitePlan plan = SitePlan.of(site, StaticFiles.publishable(site, report));
                PlanCheck.check(plan, report);
                Renderer renderer = new Renderer(plan, report, new Theme(site.themeDir()), new Markdown(site.config().allowHtml()), Memo.none());
                Renderer.Result made = renderer.render(out, new Renderer.Scope(RenderCache.empty(), null, false, false, false));
                pages = (int) out.written().stream().filter(p -> p.endsWith(".html")).count();
                if (externalTimeout != null && !report.hasErrors()) {
                    new ExternalLinks(externalTimeout, failOnNetworkError).check(ExternalLinks.of(site, report, made.externalLinks())).forEach(report::add);
                }
            } catch (IOException | UncheckedIOException e) {
                report.error(dry.sourceDir(), Pos.UNKNOWN, "cannot read the site: " + e.getMessage());
            }
        }
        // What a build lets through with a warning, a check refuses: that is what checking is for.
        List<Problem> problems = report.problems().stream()
                .map(p -> p.isError() || p.message().startsWith("could not check ") ? p : Problem.error(p.file(), p.line(), p.column(), p.message()))
                .toList();
        boolean ok = problems.stream().noneMatch(Problem::isError);
        return new BuildResult(ok, problems, ok ? pages : 0, site == null ? 0 : site.roadmaps().size(),
                (System.nanoTime() - start) / 1_000_000, request.outputDir(), 0, Set.of());
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
        SiteConfig config = new SiteConfig(c.file(), c.title(), c.description(), uri, c.language(), c.theme(), c.menu(), c.allowHtml(), c.editUrl());
        return new Site(site.dir(), config, site.roadmaps(), site.topics(), site.guides(), site.staticDir(), site.themeDir(), site.fingerprints());
    }

    static BuildResult failed(BuildRequest request, Report report) {
        return new BuildResult(false, report.problems(), 0, 0, 0, request.outputDir(), 0, Set.of());
    }

    private static long lap(String stage, long since) {
        long now = System.nanoTime();
        if (TIMING) System.err.printf("site-gen timing: %-8s %6d ms%n", stage, (now - since) / 1_000_000);
        return now;
    }
}
