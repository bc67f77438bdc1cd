package dev.sitegen;

import dev.sitegen.check.ExternalLinks;
import dev.sitegen.content.SiteConfig;
import dev.sitegen.output.OutputDir;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.render.Renderer;
import dev.sitegen.render.Urls;

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

    public BuildResult build(BuildRequest request) {
        long start = System.nanoTime();
        Report report = new Report(request.sourceDir());
        Site site = new SiteLoader(report).load(request.sourceDir());
        if (site != null && request.baseUrl() != null) site = withBaseUrl(site, request.baseUrl(), report);
        checkOutput(request, report);
        if (site == null || report.hasErrors()) return failed(request, report);

        try (OutputDir out = switch (request.write()) {
            case SWAP -> OutputDir.begin(request.outputDir());
            case IN_PLACE -> OutputDir.inPlace(request.outputDir());
            case NONE -> OutputDir.discard();
        }) {
            Renderer renderer = new Renderer(site, report, new Urls(site.config().baseUrl()));
            boolean cached = request.useCache() && request.write() != BuildRequest.Write.NONE;
            Path cache = cached ? request.cacheFile() : null;
            Renderer.Counts counts = renderer.render(out, cache, cached ? request.outputDir() : null);
            if (report.hasErrors()) return failed(request, report);
            out.commit();
            if (cache != null) saveCache(renderer, cache);
            int pages = (int) out.written().stream().filter(p -> p.endsWith(".html")).count();
            return new BuildResult(true, report.problems(), pages, site.roadmaps().size(), (System.nanoTime() - start) / 1_000_000,
                    request.outputDir(), counts.reused(), out.changed());
        } catch (IOException | UncheckedIOException e) {
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
        Site site = new SiteLoader(report).load(dry.sourceDir());
        if (site != null && dry.baseUrl() != null) site = withBaseUrl(site, dry.baseUrl(), report);
        int pages = 0;
        if (site != null && !report.hasErrors()) {
            try (OutputDir out = OutputDir.discard()) {
                Renderer renderer = new Renderer(site, report, new Urls(site.config().baseUrl()));
                renderer.render(out, null, null);
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

    private static BuildResult failed(BuildRequest request, Report report) {
        return new BuildResult(false, report.problems(), 0, 0, 0, request.outputDir(), 0, java.util.Set.of());
    }

    /** The cache only makes the next build faster; failing to write it must not fail this one. */
    private static void saveCache(Renderer renderer, Path cache) {
        try {
            renderer.saveCache(cache);
        } catch (IOException | RuntimeException e) {
            try {
                java.nio.file.Files.deleteIfExists(cache);
            } catch (IOException ignored) {
                // the next build sees a stale key mismatch at worst, or no cache
            }
        }
    }

    /** The output folder is replaced whole, so it must never hold the sources. */
    private static void checkOutput(BuildRequest request, Report report) {
        Path out = request.outputDir();
        Path src = request.sourceDir();
        if (src.startsWith(out)) {
            report.error(out, Pos.UNKNOWN, "the output folder contains the site folder " + src + "; it would be replaced — choose another output folder");
        } else if (out.startsWith(src)) {
            report.error(out, Pos.UNKNOWN, "the output folder is inside the site folder; choose one outside it, such as target/site");
        }
        if (out.getParent() == null) report.error(out, Pos.UNKNOWN, "the output folder cannot be a file-system root");
    }

    private static Site withBaseUrl(Site site, String baseUrl, Report report) {
        String withSlash = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        URI uri;
        try {
            uri = new URI(withSlash);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            report.error(site.config().file(), Pos.UNKNOWN, "base URL '" + baseUrl + "' given on the command line is not an absolute http(s) URL");
            return site;
        }
        SiteConfig c = site.config();
        SiteConfig config = new SiteConfig(c.file(), c.title(), c.description(), uri, c.language(), c.theme(), c.menu(), c.allowHtml());
        return new Site(site.dir(), config, site.roadmaps(), site.topics(), site.guides(), site.staticDir(), site.themeDir(), site.fingerprints());
    }
}
