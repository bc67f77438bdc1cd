package dev.sitegen.build;

import dev.sitegen.cache.LoadCache;
import dev.sitegen.content.Markdown;
import dev.sitegen.load.Site;
import dev.sitegen.output.OutputDir;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.problem.Report;
import dev.sitegen.render.Memo;
import dev.sitegen.render.RenderCache;
import dev.sitegen.render.Renderer;
import dev.sitegen.render.Theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * What one generator keeps between its builds, so that the dev server's rebuilds parse, compile and render only what
 * changed: parsed files, the theme and Markdown renderer, bodies and diagrams, the last build's cache, output and
 * file list, and the search index an in-place build left for later. A one-off build starts and ends with it cold.
 */
public final class Warm {
    public Warm() {}

    private final LoadCache loaded = new LoadCache();
    private final Memo memo = new Memo();
    private Theme theme;
    private String themeStamp;
    private Markdown markdown;
    private RenderCache lastCache;
    private int builds;
    private Path lastOutput;
    private Set<String> lastWritten;
    private volatile Runnable pendingIndex;

    LoadCache loaded() {
        return loaded;
    }

    /** The output of a build: a new folder swapped in, the last one changed in place, or nothing kept. */
    OutputDir open(BuildRequest request) throws IOException {
        return switch (request.write()) {
            case SWAP -> OutputDir.begin(request.outputDir());
            case IN_PLACE -> OutputDir.inPlace(request.outputDir(), request.outputDir().equals(lastOutput) ? lastWritten : null);
            case NONE -> OutputDir.discard();
        };
    }

    /** What this build may take from the last one: its cache (in memory, or from the cache file) and its output. */
    Renderer.Scope scope(BuildRequest request, Site site, boolean cached, boolean deferIndex) {
        RenderCache previous = !cached ? RenderCache.empty()
                : lastCache != null && request.outputDir().equals(lastOutput) ? lastCache
                // Without the previous output there is nothing to take from it: the cache would only take memory.
                : Files.isDirectory(request.outputDir()) ? RenderCache.read(request.cacheFile(), site.dir()) : RenderCache.empty();
        // Rebuilding in place after our own build, the files the cache speaks of are there: no need to look.
        boolean trusted = request.write() == BuildRequest.Write.IN_PLACE && request.outputDir().equals(lastOutput);
        return new Renderer.Scope(previous, cached ? request.outputDir() : null, trusted, request.search(),
                cached && request.search() && !deferIndex);
    }

    /** Bodies and diagrams are kept from the second build on (the dev server's rebuilds): a one-off build would only pay for keeping them. */
    Renderer renderer(SitePlan plan, Report report) {
        Site site = plan.site();
        String stamp = site.themeDir() + "\n" + Theme.stamp(site.themeDir());
        if (theme == null || !stamp.equals(themeStamp)) {
            theme = new Theme(site.themeDir());
            themeStamp = stamp;
        }
        if (markdown == null || markdown.allowHtml() != site.config().allowHtml()) markdown = new Markdown(site.config().allowHtml());
        return new Renderer(plan, report, theme, markdown, builds++ > 0 ? memo : Memo.none());
    }

    /** A build that failed keeps nothing of what it rendered. */
    void failed() {
        memo.rollback();
    }

    /**
     * Commits the output and keeps what the next build may reuse. The cache file speaks of the folder a commit changes:
     * it goes first and is saved again after, so a build killed in between renders every page next time instead of
     * trusting entries for files that moved on.
     */
    void commit(BuildRequest request, Site site, OutputDir out, Renderer.Result rendered, boolean cached, Runnable indexLater) throws IOException {
        pendingIndex = indexLater;
        Path cache = cached ? request.cacheFile() : null;
        boolean swap = request.write() == BuildRequest.Write.SWAP;
        out.commit(() -> {
            if (cache != null && swap) Files.deleteIfExists(cache);
        });
        memo.commit();
        lastWritten = out.written();
        lastCache = cached ? rendered.cache().next() : null;
        lastOutput = request.outputDir();
        // The dev server keeps its cache in memory; a build leaves it in a file for the next run.
        if (cache != null && swap) save(rendered.cache(), cache, site);
    }

    /** Writes the search index the last in-place build left for later; may run on another thread than the builds. */
    public synchronized void writePendingIndex() {
        Runnable index = pendingIndex;
        pendingIndex = null;
        if (index != null) index.run();
    }

    /** The cache only makes the next build faster; failing to write it must not fail this one. */
    private static void save(RenderCache made, Path cache, Site site) {
        try {
            made.write(cache, site.dir());
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(cache);
            } catch (IOException ignored) {
                // the next build sees a stale key mismatch at worst, or no cache
            }
        }
    }
}
