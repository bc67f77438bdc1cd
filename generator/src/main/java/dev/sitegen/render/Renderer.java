package dev.sitegen.render;

import dev.sitegen.check.ExternalLinks;
import dev.sitegen.check.LinkResolver;
import dev.sitegen.check.OutputNames;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.Page;
import dev.sitegen.content.SectionText;
import dev.sitegen.graph.Layout;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.load.Site;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.PageIds;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.plan.SitePlan.Placement;
import dev.sitegen.plan.Urls;
import dev.sitegen.problem.Report;
import dev.sitegen.search.PageText;
import dev.sitegen.search.SearchDocument;
import dev.sitegen.search.SearchDocuments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Renders a planned, checked site into an {@link OutputDir}: Markdown bodies (links resolved and checked), roadmap
 * diagrams, theme templates, assets with content-hashed names, static files, sitemap, robots.txt and the guides' feed.
 * Pages whose inputs are unchanged are taken from the previous output ({@link PageReuse}). Problems go into the report;
 * the caller commits the output only if there are none. One renderer renders once.
 */
public final class Renderer {
    /**
     * What a build may take from the one before and what it must make: the previous build's cache and output folder
     * (null: render every page), whether that folder is known to be as the previous build left it (an in-place rebuild
     * after our own build), whether to collect the text search needs, and whether to remember the search index's key
     * for the next build (a build that writes the index now does).
     */
    public record Scope(RenderCache previous, Path previousOutput, boolean trustPrevious, boolean searchText, boolean rememberSearch) {}

    /**
     * What a render made: how many pages it rendered and took unchanged, what it learnt for the next build, whether the
     * previous build's search index was made from the same inputs (its files can then be taken as they are), the pages
     * search indexes (made when asked), and the external links of the Markdown it rendered, with where each is used.
     */
    public record Result(int rendered, int reused, RenderCache cache, boolean searchUnchanged,
                         Supplier<List<SearchDocument>> searchDocuments, Map<String, Set<ExternalLinks.Place>> externalLinks) {}

    private final SitePlan plan;
    private final Site site;
    private final Report report;
    private final Theme theme;
    private final Markdown markdown;
    private final Memo memo;
    private final PageViews views;

    // Set by render(), the same for every page.
    private PageReuse reuse;
    private LinkResolver links;
    private PageIds ids;
    private Views.SiteView siteView;
    private boolean collectSearch;
    private final AtomicInteger rendered = new AtomicInteger();
    /** The text of each page's Markdown, cut at headings, by site path: what the search index is made from. */
    private final Map<String, List<SectionText.Section>> sections = new ConcurrentHashMap<>();

    /** Renders the site of {@code plan}; theme, Markdown renderer and memo may be kept from earlier builds (the dev server's). */
    public Renderer(SitePlan plan, Report report, Theme theme, Markdown markdown, Memo memo) {
        this.plan = plan;
        this.site = plan.site();
        this.report = report;
        this.theme = theme;
        this.markdown = markdown;
        this.memo = memo;
        this.views = new PageViews(plan);
    }

    /** Renders the site into {@code out}; pages whose inputs are unchanged are taken from the previous output. */
    public Result render(OutputDir out, Scope scope) throws IOException {
        reuse = new PageReuse(plan, theme, scope);
        collectSearch = scope.searchText();
        links = new LinkResolver(site.dir(), plan.urls(), plan.sourceToPath(), plan.sitePaths(), report);
        ids = new PageIds(out);
        siteView = views.site(new Assets(theme, plan.urls(), report, site).write(out));

        // One job per roadmap renders its topics' Markdown, writes its pages and lets the bodies go: memory stays
        // bounded by the largest roadmap, not the site.
        List<Runnable> jobs = new ArrayList<>();
        String title = site.config().title();
        jobs.add(() -> page(out, "", null, "index.ftlh", views.meta(title, site.config().description(), "", "website", "index"),
                Map.of("roadmaps", views.roadmapCards(), "guides", views.guideCards())));
        jobs.add(() -> page(out, Urls.GUIDES, null, "guides.ftlh", views.meta("Guides", "Every guide on " + title + ".", Urls.GUIDES, "website", "guides"),
                Map.of("guides", views.guideCards())));
        jobs.add(() -> page(out, "404.html", null, "404.ftlh", views.meta("Page not found", site.config().description(), "404.html", "website", "404"), Map.of()));
        for (Roadmap r : site.roadmaps()) jobs.add(() -> roadmap(out, r));
        for (Page g : site.guides()) {
            String guideKey = reuse.key(site.fingerprint(g.file()), String.valueOf(g.updated()));
            jobs.add(() -> {
                if (reused(out, Urls.guide(g.slug()), guideKey)) return;
                page(out, Urls.guide(g.slug()), guideKey, "guide.ftlh", views.meta(g.title(), g.description(), Urls.guide(g.slug()), "article", "guide"),
                        Map.of("guide", views.guide(g, body(g))));
            });
        }
        jobs.parallelStream().forEach(Runnable::run);
        // Every page "exists" for links even when its template failed; only anchors need the final HTML.
        links.checkAnchors(ids::of);

        Feeds feeds = new Feeds(site, plan.urls());
        out.write("sitemap.xml", feeds.sitemap(plan.sitePaths().stream().filter(p -> p.isEmpty() || p.endsWith("/")).toList(), lastModified()));
        out.write("robots.txt", feeds.robots());
        out.write("feed.xml", feeds.atom());
        for (Map.Entry<String, Path> e : OutputNames.copyable(plan.statics(), out, site.config().allowHtml(), report).entrySet()) {
            out.copy(e.getKey(), e.getValue());
        }
        boolean searchUnchanged = scope.rememberSearch() && reuse.rememberSearch();
        return new Result(rendered.get(), reuse.reused(), reuse.cache(), searchUnchanged,
                () -> SearchDocuments.of(plan, sections), links.externalLinks()); // documents made only if the build writes an index
    }

    /** A roadmap's page, its print page and the pages of the topics whose home it is. */
    private void roadmap(OutputDir out, Roadmap r) {
        List<Skill> order = plan.orders().get(r.id());
        Map<String, Placement> placements = plan.placements();
        String graphKey = reuse.key(site.fingerprint(r.file()), r.intro() == null ? "" : site.fingerprint(r.intro().file()));
        // First take every page whose inputs are unchanged; then render only what is left, and the Markdown it needs.
        Set<String> topicsToRender = new HashSet<>();
        List<String> printInputs = new ArrayList<>(List.of(graphKey));
        for (Skill s : order) {
            Placement home = placements.get(s.topic());
            if (home == null) continue;
            String topicKey = reuse.topicKey(site.topics().get(s.topic()), home.roadmap());
            printInputs.add(topicKey);
            if (home.roadmap() == r && !reused(out, Urls.topic(s.topic()), topicKey)) topicsToRender.add(s.id());
        }
        boolean roadmapDone = reused(out, Urls.roadmap(r.id()), graphKey);
        String printKey = reuse.key(printInputs.toArray(String[]::new));
        boolean printDone = reused(out, Urls.print(r.id()), printKey);

        String introHtml = r.intro() != null && !(roadmapDone && printDone) ? body(r.intro()).html() : null;
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
            Views.TopicView view = views.topic(p, homeHere ? home : new Placement(r, s, i + 1, order), body(p));
            topics.add(view);
            if (writePage) {
                page(out, Urls.topic(s.topic()), reuse.topicKey(p, r), "topic.ftlh",
                        views.meta(view.title(), view.description(), Urls.topic(s.topic()), "article", "topic"), Map.of("topic", view));
            }
        }
        if (roadmapDone && printDone) return;
        Views.RoadmapView view = views.roadmap(r, order, introHtml, diagram(r, order));
        if (!roadmapDone) {
            page(out, Urls.roadmap(r.id()), graphKey, "roadmap.ftlh",
                    views.meta(r.title(), r.description(), Urls.roadmap(r.id()), "website", "roadmap"), Map.of("roadmap", view));
        }
        if (!printDone) {
            page(out, Urls.print(r.id()), printKey, "print.ftlh",
                    views.meta(r.title() + ": the whole roadmap", r.description(), Urls.print(r.id()), "website", "print"),
                    Map.of("print", new Views.PrintView(view, topics)));
        }
    }

    /** Renders one page; with a {@code key}, records it in the cache for the next build. */
    private void page(OutputDir out, String sitePath, String key, String template, Views.Meta meta, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("site", siteView);
        model.put("page", meta);
        try {
            byte[] html = theme.render(template, model).getBytes(StandardCharsets.UTF_8);
            Set<String> found = ids.made(sitePath, html);
            out.write(Urls.file(sitePath), html);
            rendered.incrementAndGet();
            if (key != null) reuse.rendered(sitePath, new RenderCache.Entry(key, found, links.anchorsFrom(sitePath), links.targetsFrom(sitePath),
                    sections.getOrDefault(sitePath, List.of())));
        } catch (Theme.TemplateFailure e) {
            report.add(e.problem());
        }
    }

    /** Takes a page from the previous build when its inputs are unchanged; its ids and links join this build's checks. */
    private boolean reused(OutputDir out, String sitePath, String key) {
        RenderCache.Entry entry = reuse.take(out, sitePath, key);
        if (entry == null) return false;
        ids.reused(sitePath, entry.ids());
        links.addCached(sitePath, entry.anchors(), entry.targets());
        if (collectSearch) sections.put(sitePath, entry.sections());
        return true;
    }

    /** A page's Markdown as HTML, with its links checked; from the memo when the same body was rendered before. */
    private Markdown.Rendered body(Page p) {
        String sitePath = plan.sourceToPath().get(p.file());
        String memoKey = reuse.key(site.fingerprint(p.file()), sitePath, reuse.structureKey());
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

    /** A roadmap's diagram as SVG; from the memo when the same graph was laid out before. */
    private String diagram(Roadmap r, List<Skill> order) {
        String diagramKey = reuse.key(site.fingerprint(r.file()), reuse.structureKey());
        String diagram = memo.diagram(diagramKey);
        if (diagram == null) {
            Map<String, String> nodeUrls = new HashMap<>();
            order.forEach(s -> nodeUrls.put(s.id(), views.topicUrl(s)));
            diagram = DiagramSvg.of(r.title(), Layout.of(r, order), nodeUrls, order.size());
            memo.diagram(diagramKey, diagram);
        }
        return diagram;
    }

    private Map<String, String> lastModified() {
        Map<String, String> dates = new HashMap<>();
        plan.placements().keySet().forEach(k -> {
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
