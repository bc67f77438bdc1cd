package dev.sitegen.render;

import dev.sitegen.cache.Fingerprint;
import dev.sitegen.content.Page;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.load.Site;
import dev.sitegen.output.OutputDir;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.plan.SitePlan.Usage;
import dev.sitegen.plan.Urls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which pages a render may take from the previous build's output, and the keys that decide it: a page's key is a
 * fingerprint of everything it is made from (its files, the site's configuration, the theme, the generator's version).
 */
final class PageReuse {
    private static final String SEARCH_ENTRY = "search/";

    private final Site site;
    private final SitePlan plan;
    private final RenderCache cache;
    private final Path previousOutput;
    private final boolean trustPrevious;
    /** Changes whenever a page is added, removed or moved, or the base URL changes: links in any body may then change. */
    private final String structureKey;
    private final String globalKey;
    /** The input keys of every indexed page (topics, roadmaps, guides): the search index changes only when one does. */
    private final Map<String, String> indexedKeys = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();

    PageReuse(SitePlan plan, Theme theme, Renderer.Scope scope) throws IOException {
        this.site = plan.site();
        this.plan = plan;
        this.cache = scope.previous();
        this.previousOutput = scope.previousOutput();
        this.trustPrevious = scope.trustPrevious();
        this.structureKey = Fingerprint.of((plan.urls().baseUrl() + "\n" + String.join("\n", new TreeSet<>(plan.sitePaths())))
                .getBytes(StandardCharsets.UTF_8));
        this.globalKey = key("site-gen/" + RenderCache.class.getPackage().getImplementationVersion(), site.config().toString(),
                site.fingerprint(site.config().file()), theme.fingerprint());
    }

    /** A key over {@code parts} and what every page depends on. */
    String key(String... parts) {
        return Fingerprint.of((globalKey + "\u0000" + String.join("\u0000", parts)).getBytes(StandardCharsets.UTF_8));
    }

    String structureKey() {
        return structureKey;
    }

    /** A topic page depends on its file, its home graph, every graph that uses it (titles, resources) and the theme. */
    String topicKey(Page p, Roadmap home) {
        // The date too: without 'updated' it is the last commit's, which changes with no change to the file.
        List<String> parts = new ArrayList<>(List.of(site.fingerprint(p.file()), String.valueOf(p.updated()), site.fingerprint(home.file())));
        for (Usage use : plan.usages().getOrDefault(p.key(), List.of())) parts.add(site.fingerprint(use.roadmap().file()));
        return key(parts.toArray(String[]::new));
    }

    /**
     * Takes the page at {@code sitePath} from the previous build into {@code out} when its inputs are unchanged;
     * returns its cache entry then (the caller adds its ids and links to this build's checks), else null.
     */
    RenderCache.Entry take(OutputDir out, String sitePath, String key) {
        if (!sitePath.endsWith("print/")) indexedKeys.put(sitePath, key);
        if (previousOutput == null) return null;
        RenderCache.Entry entry = cache.reusable(sitePath, key, plan.sitePaths());
        if (entry == null) return null;
        Path previous = previousOutput.resolve(Urls.file(sitePath));
        if (!trustPrevious && !Files.isRegularFile(previous)) {
            cache.forget(sitePath);
            return null;
        }
        out.reuse(Urls.file(sitePath), previous);
        cache.put(sitePath, entry);
        reused.incrementAndGet();
        return entry;
    }

    /** Records a page rendered now, for the next build. */
    void rendered(String sitePath, RenderCache.Entry entry) {
        cache.put(sitePath, entry);
    }

    int reused() {
        return reused.get();
    }

    RenderCache cache() {
        return cache;
    }

    /**
     * Remembers the key of the search index (over every indexed page's key and the site's structure) for the next build;
     * returns true when the previous build's index was made from the same inputs, so its files can be taken as they are.
     */
    boolean rememberSearch() {
        String key = key(structureKey, String.join("\n", new TreeMap<>(indexedKeys).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        // The previous build's own entry when the key is the same: then a build that changed nothing leaves the
        // cache file as it is (see RenderCache.reusedAll).
        RenderCache.Entry same = previousOutput == null ? null : cache.reusable(SEARCH_ENTRY, key, plan.sitePaths());
        cache.put(SEARCH_ENTRY, same != null ? same : new RenderCache.Entry(key, Set.of(), List.of(), Set.of(), List.of()));
        return same != null;
    }
}
