package dev.sitegen.render;

import dev.sitegen.cache.Fingerprint;
import dev.sitegen.check.ExternalLinks;
import dev.sitegen.check.LinkResolver;
import dev.sitegen.check.OutputNames;
import dev.sitegen.content.Fields.Ref;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.Page;
import dev.sitegen.content.Resource;
import dev.sitegen.content.SectionText;
import dev.sitegen.graph.Alternative;
import dev.sitegen.graph.Layout;
import dev.sitegen.graph.ReadingOrder;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.load.Site;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.SafePath;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.plan.SitePlan.Placement;
import dev.sitegen.plan.SitePlan.Usage;
import dev.sitegen.plan.Urls;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.render.Views.Link;
import dev.sitegen.search.PageText;
import dev.sitegen.search.SearchDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Renders a loaded, checked site into an {@link OutputDir}: Markdown bodies (links resolved and checked), roadmap
 * diagrams, theme templates, assets with content-hashed names, static files, sitemap, robots.txt and the guides' feed.
 * Problems go into the report; the caller commits the output only if there are none.
 */
public final class Renderer {
    private static final Map<String, String> RESOURCE_LABELS = Map.of("docs", "Documentation", "article", "Articles",
            "video", "Videos", "course", "Courses", "book", "Books", "tool", "Tools");

    private final Site site;
    private final Report report;
    private final Urls urls;
    private final Theme theme;
    private final Markdown markdown;

    /** Renders the site of {@code plan}; theme, Markdown renderer and memo may be kept from earlier builds (the dev server's). */
    public Renderer(SitePlan plan, Report report, Theme theme, Markdown markdown, Memo memo) {
        this.plan = plan;
        this.site = plan.site();
        this.report = report;
        this.urls = plan.urls();
        this.theme = theme;
        this.markdown = markdown;
        this.memo = memo;
    }

    private final SitePlan plan;
    private final Memo memo;
    /** Changes whenever a page is added, removed or moved, or the base URL changes: links in any body may then change. */
    private String structureKey = "";

    /**
     * What a build may take from the one before and what it must make: the previous build's cache and output folder
     * (null: render every page), whether that folder is known to be as the previous build left it (an in-place rebuild
     * after our own build), whether to collect the text search needs, and whether to remember the search index's key
     * for the next build (a build that writes the index now does).
     */
    public record Scope(RenderCache previous, Path previousOutput, boolean trustPrevious, boolean searchText, boolean rememberSearch) {}

    /**
     * What a render made: how many pages it rendered and took unchanged, what it learnt for the next build, whether the
     * previous build's search index was made from the same inputs (its files can then be taken as they are), and the
     * pages search indexes, made when asked.
     */
    public record Result(int rendered, int reused, RenderCache cache, boolean searchUnchanged, Supplier<List<SearchDocument>> searchDocuments) {}

    /** Renders the site into {@code out}; pages whose inputs are unchanged are taken from the previous output. */
    public Result render(OutputDir out, Scope scope) throws IOException {
        this.cache = scope.previous();
        this.previousOutput = scope.previousOutput();
        this.trustPrevious = scope.trustPrevious();
        this.collectSearch = scope.searchText();
        render(out);
        boolean searchUnchanged = false;
        if (scope.rememberSearch()) {
            String key = searchKey();
            searchUnchanged = previousOutput != null && cache.reusable(SEARCH_ENTRY, key, allSitePaths) != null;
            // The previous build's own entry when the key is the same: then a build that changed nothing leaves the
            // cache file as it is (see RenderCache.reusedAll).
            RenderCache.Entry same = previousOutput == null ? null : cache.reusable(SEARCH_ENTRY, key, allSitePaths);
            cache.put(SEARCH_ENTRY, same != null ? same : new RenderCache.Entry(key, Set.of(), List.of(), Set.of(), List.of()));
        }
        return new Result(rendered.get(), reused.get(), cache, searchUnchanged, searchDocuments);
    }

    private LinkResolver links;

    /**
     * Every external link of the site with the places it is used: resources of topics and graph nodes, and the links
     * in the Markdown rendered by this build (a cached page's links are not among them; checks render every page).
     */
    public Map<String, List<ExternalLinks.Place>> externalLinks() {
        Map<String, List<ExternalLinks.Place>> all = new TreeMap<>();
        if (links != null) links.externalLinks().forEach((url, places) -> all.computeIfAbsent(url, k -> new ArrayList<>()).addAll(places));
        for (Page p : site.topics().values()) {
            for (Resource res : p.resources()) {
                all.computeIfAbsent(res.url().trim(), k -> new ArrayList<>()).add(new ExternalLinks.Place(report.name(p.file()), res.at()));
            }
        }
        for (Roadmap r : site.roadmaps()) {
            for (Skill s : r.skills()) {
                for (Resource res : s.resources()) {
                    all.computeIfAbsent(res.url().trim(), k -> new ArrayList<>()).add(new ExternalLinks.Place(report.name(r.file()), res.at()));
                }
            }
        }
        all.values().forEach(list -> list.sort(Comparator.comparing(ExternalLinks.Place::file)
                .thenComparingInt(p -> p.at().line()).thenComparingInt(p -> p.at().column())));
        return all;
    }

    private RenderCache cache = RenderCache.empty();
    private Path previousOutput;
    private boolean trustPrevious;

    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private Set<String> allSitePaths = Set.of();
    private String globalKey = "";

    private void render(OutputDir out) throws IOException {
        Map<String, List<Skill>> orders = plan.orders();
        Map<String, Placement> placements = plan.placements();
        Map<Path, String> sourceToPath = plan.sourceToPath();
        Set<String> sitePaths = plan.sitePaths();
        Map<String, String> assets = new Assets(theme, urls, report, site).write(out);

        LinkResolver links = new LinkResolver(site.dir(), urls, sourceToPath, sitePaths, report);
        this.links = links;
        allSitePaths = sitePaths;
        structureKey = Fingerprint.of((urls.baseUrl() + "\n" + String.join("\n", new TreeSet<>(sitePaths)))
                .getBytes(StandardCharsets.UTF_8));
        globalKey = key("site-gen/" + RenderCache.class.getPackage().getImplementationVersion(), site.config().toString(),
                site.fingerprint(site.config().file()), theme.fingerprint());
        siteView = new Views.SiteView(site.config().title(), site.config().description(), site.config().language(),
                urls.basePath(), urls.path(""), urls.path(Urls.GUIDES), urls.path("feed.xml"), urls.path("search/index.json"),
                site.config().menu().stream().map(m -> new Link(m.title(), menuUrl(m.url()))).toList(), assets);
        PageIds ids = new PageIds(out);

        // One job per roadmap renders its topics' Markdown, writes its pages and lets the bodies go: memory stays
        // bounded by the largest roadmap, not the site.
        List<Runnable> jobs = new ArrayList<>();
        jobs.add(() -> page(out, ids, null, "", null, "index.ftlh", meta(site.config().title(), site.config().description(), "", "website", "index"),
                Map.of("roadmaps", roadmapCards(), "guides", guideCards())));
        jobs.add(() -> page(out, ids, null, Urls.GUIDES, null, "guides.ftlh", meta("Guides", "Every guide on " + site.config().title() + ".", Urls.GUIDES, "website", "guides"),
                Map.of("guides", guideCards())));
        jobs.add(() -> page(out, ids, null, "404.html", null, "404.ftlh", meta("Page not found", site.config().description(), "404.html", "website", "404"), Map.of()));
        for (Roadmap r : site.roadmaps()) {
            jobs.add(() -> {
                List<Skill> order = orders.get(r.id());
                String graphKey = key(site.fingerprint(r.file()), r.intro() == null ? "" : site.fingerprint(r.intro().file()));
                // First take every page whose inputs are unchanged; then render only what is left, and the Markdown it needs.
                Set<String> topicsToRender = new HashSet<>();
                List<String> printInputs = new ArrayList<>(List.of(graphKey));
                for (Skill s : order) {
                    Placement home = placements.get(s.topic());
                    if (home == null) continue;
                    String topicKey = topicKey(site.topics().get(s.topic()), home.roadmap());
                    printInputs.add(topicKey);
                    if (home.roadmap() == r && !reuse(out, ids, links, Urls.topic(s.topic()), topicKey)) topicsToRender.add(s.id());
                }
                boolean roadmapDone = reuse(out, ids, links, Urls.roadmap(r.id()), graphKey);
                String printKey = key(printInputs.toArray(String[]::new));
                boolean printDone = reuse(out, ids, links, Urls.print(r.id()), printKey);

                Map<Path, Markdown.Rendered> bodies = new HashMap<>();
                if (r.intro() != null && !(roadmapDone && printDone)) bodies.put(r.intro().file(), body(r.intro(), links, sourceToPath));
                List<Views.TopicView> topics = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    Skill s = order.get(i);
                    Placement home = placements.get(s.topic());
                    if (home == null) continue;
                    boolean homeHere = home.roadmap() == r;
                    boolean writePage = homeHere && topicsToRender.contains(s.id());
                    if (!writePage && printDone) continue;
                    Page p = site.topics().get(s.topic());
                    // A topic shared with another roadmap is printed here too, numbered as in this roadmap;
                    // its page is written by its home roadmap's job.
                    Views.TopicView view = topicView(p, homeHere ? home : new Placement(r, s, i + 1, order), body(p, links, sourceToPath));
                    topics.add(view);
                    if (writePage) {
                        page(out, ids, links, Urls.topic(s.topic()), topicKey(p, r), "topic.ftlh",
                                meta(view.title(), view.description(), Urls.topic(s.topic()), "article", "topic"), Map.of("topic", view));
                    }
                }
                if (roadmapDone && printDone) return;
                Views.RoadmapView view = roadmapView(r, order, bodies);
                if (!roadmapDone) {
                    page(out, ids, links, Urls.roadmap(r.id()), graphKey, "roadmap.ftlh",
                            meta(r.title(), r.description(), Urls.roadmap(r.id()), "website", "roadmap"), Map.of("roadmap", view));
                }
                if (!printDone) {
                    page(out, ids, links, Urls.print(r.id()), printKey, "print.ftlh",
                            meta(r.title() + ": the whole roadmap", r.description(), Urls.print(r.id()), "website", "print"),
                            Map.of("print", new Views.PrintView(view, topics)));
                }
            });
        }
        for (Page g : site.guides()) {
            String guideKey = key(site.fingerprint(g.file()));
            jobs.add(() -> {
                if (reuse(out, ids, links, Urls.guide(g.slug()), guideKey)) return;
                page(out, ids, links, Urls.guide(g.slug()), guideKey, "guide.ftlh", meta(g.title(), g.description(), Urls.guide(g.slug()), "article", "guide"),
                        Map.of("guide", guideView(g, body(g, links, sourceToPath))));
            });
        }
        jobs.parallelStream().forEach(job -> job.run());
        searchDocuments = () -> searchDocuments(orders, placements); // made only if the build writes an index
        // Every page "exists" for links even when its template failed; only anchors need the final HTML.
        links.checkAnchors(ids::of);

        Feeds feeds = new Feeds(site, urls);
        out.write("sitemap.xml", feeds.sitemap(sitePaths.stream().filter(p -> p.isEmpty() || p.endsWith("/")).toList(), lastModified(placements)));
        out.write("robots.txt", feeds.robots());
        out.write("feed.xml", feeds.atom());
        for (Map.Entry<String, Path> e : OutputNames.copyable(plan.statics(), out, site.config().allowHtml(), report).entrySet()) {
            out.copy(e.getKey(), e.getValue());
        }
    }

    /** Renders one page; with a {@code key}, records it in the cache for the next build. */
    private void page(OutputDir out, PageIds ids, LinkResolver links, String sitePath, String key,
                      String template, Views.Meta meta, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("site", siteView);
        model.put("page", meta);
        try {
            byte[] html = theme.render(template, model).getBytes(StandardCharsets.UTF_8);
            Set<String> found = ids.made(sitePath, html);
            out.write(Urls.file(sitePath), html);
            rendered.incrementAndGet();
            if (key != null) cache.put(sitePath, new RenderCache.Entry(key, found, links.anchorsFrom(sitePath), links.targetsFrom(sitePath),
                    sections.getOrDefault(sitePath, List.of())));
        } catch (Theme.TemplateFailure e) {
            report.add(e.problem());
        }
    }

    /** The input keys of every indexed page (topics, roadmaps, guides): the search index changes only when one does. */
    private final Map<String, String> indexedKeys = new ConcurrentHashMap<>();

    private static final String SEARCH_ENTRY = "search/";

    /** A key over everything the search index is made from. */
    private String searchKey() {
        return key(structureKey, String.join("\n", new TreeMap<>(indexedKeys).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }

    /** Takes a page from the previous build when its inputs are unchanged; its ids and links join this build's checks. */
    private boolean reuse(OutputDir out, PageIds ids, LinkResolver links, String sitePath, String key) {
        if (!sitePath.endsWith("print/")) indexedKeys.put(sitePath, key);
        if (previousOutput == null) return false;
        RenderCache.Entry entry = cache.reusable(sitePath, key, allSitePaths);
        if (entry == null) return false;
        Path previous = previousOutput.resolve(Urls.file(sitePath));
        if (!trustPrevious && !Files.isRegularFile(previous)) {
            cache.forget(sitePath);
            return false;
        }
        out.reuse(Urls.file(sitePath), previous);
        ids.reused(sitePath, entry.ids());
        links.addCached(sitePath, entry.anchors(), entry.targets());
        if (collectSearch) sections.put(sitePath, entry.sections());
        cache.put(sitePath, entry);
        reused.incrementAndGet();
        return true;
    }

    /** A topic page depends on its file, its home graph, every graph that uses it (titles, resources) and the theme. */
    private String topicKey(Page p, Roadmap home) {
        List<String> parts = new ArrayList<>(List.of(site.fingerprint(p.file()), site.fingerprint(home.file())));
        for (Usage use : plan.usages().getOrDefault(p.key(), List.of())) parts.add(site.fingerprint(use.roadmap().file()));
        return key(parts.toArray(String[]::new));
    }

    private String key(String... parts) {
        return Fingerprint.of((globalKey + "\u0000" + String.join("\u0000", parts)).getBytes(StandardCharsets.UTF_8));
    }

    private Markdown.Rendered body(Page p, LinkResolver links, Map<Path, String> sourceToPath) {
        String sitePath = sourceToPath.get(p.file());
        String memoKey = key(site.fingerprint(p.file()), sitePath, structureKey);
        Memo.Body kept = memo.body(memoKey);
        if (kept != null) {
            links.addCached(sitePath, kept.anchors(), kept.targets());
            if (collectSearch) sections.put(sitePath, kept.sections());
            return kept.rendered();
        }
        Markdown.Rendered rendered;
        try {
            rendered = collectSearch ? markdown.renderWithText(p.body(), p.bodyLine(), links.forPage(p.file(), sitePath))
                    : markdown.render(p.body(), p.bodyLine(), links.forPage(p.file(), sitePath));
        } catch (Markdown.TooComplex e) {
            report.error(p.file(), e.at(), e.getMessage());
            return new Markdown.Rendered("", List.of());
        }
        List<SectionText.Section> text = !collectSearch ? List.of()
                : rendered.text() != null ? rendered.text() : PageText.sections(rendered.html());
        if (collectSearch) sections.put(sitePath, text);
        if (rendered.text() != null) rendered = new Markdown.Rendered(rendered.html(), rendered.headings()); // kept as search's sections
        memo.body(memoKey, new Memo.Body(rendered, links.anchorsFrom(sitePath), links.targetsFrom(sitePath), text));
        return rendered;
    }

    /**
     * The element ids of the pages a build made, for checking the anchors links point to. Where the output keeps its
     * files, a page is read for them only when a link points into it: scanning every page as it was written was 3% of a
     * 10,000-page build, and most pages are no link's target (the benchmark's none).
     */
    private static final class PageIds {
        private final OutputDir out;
        private final Map<String, Set<String>> known = new ConcurrentHashMap<>();
        private final Set<String> unread = ConcurrentHashMap.newKeySet();

        PageIds(OutputDir out) {
            this.out = out;
        }

        /** A page rendered now; its ids, or null when they are left to be read if needed. */
        Set<String> made(String sitePath, byte[] html) {
            if (out.keepsFiles()) {
                unread.add(sitePath);
                return null;
            }
            Set<String> found = ids(html);
            known.put(sitePath, found);
            return found;
        }

        /** A page taken from the previous build, with the ids it knew of it (null if it never read them). */
        void reused(String sitePath, Set<String> ids) {
            if (ids != null) known.put(sitePath, ids);
            else unread.add(sitePath);
        }

        /** The ids of a page this build made, or null when it made no such page. */
        Set<String> of(String sitePath) {
            Set<String> ids = known.get(sitePath);
            if (ids != null || !unread.contains(sitePath)) return ids;
            try {
                byte[] html = out.read(Urls.file(sitePath));
                ids = html == null ? Set.of() : ids(html);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back " + Urls.file(sitePath) + ": " + e.getMessage(), e);
            }
            known.put(sitePath, ids);
            return ids;
        }
    }

    /**
     * The values of every {@code id="…"} attribute of a page's UTF-8 bytes, for checking anchors. A Horspool scan for
     * {@code  id="}: it looks at about one byte in four, where String.indexOf looks at each (without the optimizing
     * compiler's intrinsic, 3.6% of a 10,000-page build went to this scan; print pages are a megabyte each).
     */
    static Set<String> ids(byte[] html) {
        Set<String> found = new HashSet<>();
        int n = html.length;
        for (int at = 4; at < n; ) {
            byte b = html[at];
            if (b == '"' && html[at - 1] == '=' && html[at - 2] == 'd' && html[at - 3] == 'i' && html[at - 4] == ' ') {
                int start = at + 1;
                int end = start;
                while (end < n && html[end] != '"') end++;
                if (end == n) break;
                found.add(new String(html, start, end - start, StandardCharsets.UTF_8));
                at = end + 5; // the next " id=\"" starts after the closing quote at the soonest
            } else {
                at += SHIFT[b & 0xff];
            }
        }
        return found;
    }

    /** How far the scan for {@code  id="} may move on, by the byte under its last position. */
    private static final byte[] SHIFT = new byte[256];

    static {
        Arrays.fill(SHIFT, (byte) 5);
        SHIFT[' '] = 4;
        SHIFT['i'] = 3;
        SHIFT['d'] = 2;
        SHIFT['='] = 1;
    }

    // The same for every page; set before pages render.
    private Views.SiteView siteView;
    private boolean collectSearch;
    /** The text of each page's Markdown, cut at headings, by site path: what the search index is made from. */
    private final Map<String, List<SectionText.Section>> sections = new ConcurrentHashMap<>();
    private Supplier<List<SearchDocument>> searchDocuments = List::of;

    private List<SearchDocument> searchDocuments(Map<String, List<Skill>> orders, Map<String, Placement> placements) {
        List<Supplier<SearchDocument>> docs = new ArrayList<>();
        for (Roadmap r : site.roadmaps()) {
            docs.add(() -> {
                List<SectionText.Section> text = new ArrayList<>(sections.getOrDefault(Urls.roadmap(r.id()), List.of()));
                for (var stage : r.stages()) {
                    text.add(new SectionText.Section("stage-" + stage.id(), stage.title(), String.join(", ",
                            orders.get(r.id()).stream().filter(s -> s.stage().equals(stage.id())).map(Skill::title).toList())));
                }
                return new SearchDocument(urls.path(Urls.roadmap(r.id())), r.title(), "roadmap", r.id(), r.title(), r.description(),
                        r.intro() == null ? List.of() : r.intro().tags(), text);
            });
            for (Skill s : orders.get(r.id())) {
                Placement where = placements.get(s.topic());
                if (where == null || where.roadmap() != r || where.skill() != s) continue;
                Page p = site.topics().get(s.topic());
                docs.add(() -> new SearchDocument(urls.path(Urls.topic(s.topic())), p.title() != null ? p.title() : s.title(), "topic", r.id(),
                        r.title(), p.description(), p.tags(), sections.getOrDefault(Urls.topic(s.topic()), List.of())));
            }
        }
        for (Page g : site.guides()) {
            docs.add(() -> new SearchDocument(urls.path(Urls.guide(g.slug())), g.title(), "guide", null, null, g.description(), g.tags(),
                    sections.getOrDefault(Urls.guide(g.slug()), List.of())));
        }
        return docs.parallelStream().map(Supplier::get).toList();
    }
    private Views.Meta meta(String title, String description, String sitePath, String ogType, String kind) {
        return new Views.Meta(title, description, urls.absolute(sitePath), ogType, kind);
    }

    private String menuUrl(String url) {
        if (url.startsWith("/") && !url.startsWith("//")) {
            String path = url.substring(1);
            return urls.path(path);
        }
        return url;
    }

    private List<Views.RoadmapCard> roadmapCards() {
        return site.roadmaps().stream().map(r -> new Views.RoadmapCard(r.id(), r.title(), r.description(), urls.path(Urls.roadmap(r.id())),
                r.skills().size(), r.stages().size(), r.stages().stream().map(s -> s.title()).toList())).toList();
    }

    private List<Views.GuideCard> guideCards() {
        return site.guides().stream().map(g -> new Views.GuideCard(g.title(), g.description(), urls.path(Urls.guide(g.slug())),
                g.date() == null ? null : g.date().toString(), g.tags())).toList();
    }

    private String topicUrl(Skill s) {
        return urls.path(Urls.topic(s.topic()));
    }

    private Views.RoadmapView roadmapView(Roadmap r, List<Skill> order, Map<Path, Markdown.Rendered> bodies) {
        Map<String, Integer> step = new HashMap<>();
        for (int i = 0; i < order.size(); i++) step.put(order.get(i).id(), i + 1);
        Map<String, String> nodeUrls = new HashMap<>();
        order.forEach(s -> nodeUrls.put(s.id(), topicUrl(s)));
        List<Views.StageView> stages = new ArrayList<>();
        for (var stage : r.stages()) {
            List<Views.Step> steps = new ArrayList<>();
            for (Skill s : order) {
                if (!s.stage().equals(stage.id())) continue;
                steps.add(new Views.Step(step.get(s.id()), s.id(), s.title(), topicUrl(s), s.optional(), requires(r, s),
                        groupOf(r, s.id()).map(Alternative::title).orElse(null), requiresTokens(r, s)));
            }
            stages.add(new Views.StageView(stage.id(), stage.title(), stage.description(), steps));
        }
        String diagramKey = key(site.fingerprint(r.file()), structureKey);
        String diagram = memo.diagram(diagramKey);
        if (diagram == null) {
            diagram = DiagramSvg.of(r.title(), Layout.of(r, order), nodeUrls, order.size());
            memo.diagram(diagramKey, diagram);
        }
        String intro = r.intro() == null ? null : bodies.get(r.intro().file()).html();
        return new Views.RoadmapView(r.id(), r.title(), r.description(), urls.path(Urls.roadmap(r.id())), urls.path(Urls.print(r.id())), intro, diagram, stages,
                order.size(), List.of(new Link("Roadmaps", urls.path(""))));
    }

    private List<Link> requires(Roadmap r, Skill s) {
        List<Link> links = new ArrayList<>();
        for (Ref ref : s.requires()) {
            var node = r.skill(ref.value());
            if (node.isPresent()) {
                links.add(new Link(node.get().title(), topicUrl(node.get())));
            } else {
                r.alternative(ref.value()).ifPresent(g -> links.add(new Link(g.title() + " (any one)",
                        urls.path(Urls.roadmap(r.id())) + "#topic-" + g.nodeIds().get(0))));
            }
        }
        return links;
    }

    private static String requiresTokens(Roadmap r, Skill s) {
        List<String> tokens = new ArrayList<>();
        for (Ref ref : s.requires()) {
            tokens.add(r.alternative(ref.value()).map(g -> String.join("|", g.nodeIds())).orElse(ref.value()));
        }
        return String.join(" ", tokens);
    }

    private static Optional<Alternative> groupOf(Roadmap r, String nodeId) {
        return r.alternatives().stream().filter(g -> g.nodeIds().contains(nodeId)).findFirst();
    }

    private Views.TopicView topicView(Page p, Placement where, Markdown.Rendered body) {
        Roadmap r = where.roadmap();
        Skill s = where.skill();
        List<Skill> order = where.order();
        Link roadmapLink = new Link(r.title(), urls.path(Urls.roadmap(r.id())));
        List<Link> unlocks = new ArrayList<>();
        for (Skill other : order) {
            if (r.dependsOn(other, s.id())) unlocks.add(new Link(other.title(), topicUrl(other)));
        }
        int i = where.step() - 1;
        Link previous = i > 0 ? new Link(order.get(i - 1).title(), topicUrl(order.get(i - 1))) : null;
        Link next = i + 1 < order.size() ? new Link(order.get(i + 1).title(), topicUrl(order.get(i + 1))) : null;
        List<Link> alsoIn = new ArrayList<>();
        List<Resource> resources = new ArrayList<>(p.resources());
        for (Usage use : plan.usages().getOrDefault(p.key(), List.of())) {
            if (use.roadmap() != r) alsoIn.add(new Link(use.roadmap().title(), urls.path(Urls.roadmap(use.roadmap().id()))));
            resources.addAll(use.skill().resources());
        }
        var group = groupOf(r, s.id());
        List<Link> alternatives = group.map(g -> g.nodeIds().stream().filter(id -> !id.equals(s.id()))
                .map(id -> r.skill(id).orElseThrow()).map(n -> new Link(n.title(), topicUrl(n))).toList()).orElse(List.of());
        String title = p.title() != null ? p.title() : s.title();
        return new Views.TopicView(r.id(), s.id(), title, p.description(), body.html(), roadmapLink, where.step(), order.size(),
                r.stages().stream().filter(x -> x.id().equals(s.stage())).map(x -> x.title()).findFirst().orElse(""),
                s.optional(), group.map(Alternative::title).orElse(null), alternatives, resourceGroups(resources),
                requires(r, s), unlocks, previous, next,
                List.of(new Link("Roadmaps", urls.path("")), roadmapLink), alsoIn,
                p.updated() == null ? null : p.updated().toString(), p.tags());
    }

    private static List<Views.ResourceGroup> resourceGroups(List<Resource> resources) {
        List<Views.ResourceGroup> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String type : Resource.TYPES) {
            List<Views.ResourceItem> items = new ArrayList<>();
            for (Resource res : resources) {
                if (res.type().equals(type) && seen.add(res.url())) items.add(new Views.ResourceItem(res.title(), res.url(), host(res.url())));
            }
            if (!items.isEmpty()) groups.add(new Views.ResourceGroup(type, RESOURCE_LABELS.get(type), items));
        }
        return groups;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? "" : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private Views.GuideView guideView(Page g, Markdown.Rendered body) {
        List<Views.TocEntry> toc = body.headings().stream().filter(h -> h.level() == 2 || h.level() == 3)
                .map(h -> new Views.TocEntry(h.level(), h.id(), h.text())).toList();
        return new Views.GuideView(g.title(), g.description(), body.html(), toc, g.date() == null ? null : g.date().toString(),
                g.updated() == null ? null : g.updated().toString(), g.author(), g.tags(),
                List.of(new Link("Roadmaps", urls.path("")), new Link("Guides", urls.path(Urls.GUIDES))));
    }

    private Map<String, String> lastModified(Map<String, Placement> placements) {
        Map<String, String> dates = new HashMap<>();
        placements.keySet().forEach(k -> {
            var updated = site.topics().get(k).updated();
            if (updated != null) dates.put(Urls.topic(k), updated.toString());
        });
        for (Page g : site.guides()) {
            var d = g.updated() != null ? g.updated() : g.date();
            if (d != null) dates.put(Urls.guide(g.slug()), d.toString());
        }
        return dates;
    }
}
