package dev.sitegen;

import dev.sitegen.content.SiteConfig;
import dev.sitegen.output.OutputDir;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.render.Renderer;
import dev.sitegen.render.Urls;
import dev.sitegen.search.SearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The one entry point: {@code new SiteGenerator().build(new BuildRequest(Path.of("content"), Path.of("target/site")))}.
 * A build is load → check → render → index → write; problems stop it before the output is touched, so a failed build
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

        try (OutputDir out = OutputDir.begin(request.outputDir())) {
            Renderer renderer = new Renderer(site, report, new Urls(site.config().baseUrl()));
            renderer.render(out);
            if (report.hasErrors()) return failed(request, report);
            if (request.search()) index(site, renderer, out, report);
            if (report.hasErrors()) return failed(request, report);
            out.commit();
            int pages = (int) out.written().stream().filter(p -> p.endsWith(".html")).count();
            return new BuildResult(true, report.problems(), pages, site.roadmaps().size(), (System.nanoTime() - start) / 1_000_000, request.outputDir());
        } catch (IOException | UncheckedIOException e) {
            String message = e instanceof UncheckedIOException u ? u.getMessage() : String.valueOf(e.getMessage());
            report.error(request.outputDir(), Pos.UNKNOWN, "cannot write the site: " + message);
            return failed(request, report);
        }
    }

    /** Writes the search index under search/, unless a static file already took one of its paths. */
    private static void index(Site site, Renderer renderer, OutputDir out, Report report) {
        for (var file : SearchIndex.of(renderer.searchDocuments()).files().entrySet()) {
            if (out.contains(file.getKey())) {
                Path at = site.staticDir() == null ? site.dir() : site.staticDir().resolve(file.getKey());
                report.error(at, Pos.UNKNOWN, "static file would replace the search index's /" + file.getKey() + "; rename it (search/ belongs to the site)");
            } else {
                out.write(file.getKey(), file.getValue());
            }
        }
    }

    private static BuildResult failed(BuildRequest request, Report report) {
        return new BuildResult(false, report.problems(), 0, 0, 0, request.outputDir());
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
        return new Site(site.dir(), config, site.roadmaps(), site.topics(), site.guides(), site.staticDir(), site.themeDir());
    }
}
