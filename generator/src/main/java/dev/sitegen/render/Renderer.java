package dev.sitegen.render;

import dev.sitegen.Site;
import dev.sitegen.content.Fields.Ref;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.Page;
import dev.sitegen.content.Resource;
import dev.sitegen.graph.Alternative;
import dev.sitegen.graph.GraphCheck;
import dev.sitegen.graph.Layout;
import dev.sitegen.graph.ReadingOrder;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.SafePath;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a loaded, checked site into an {@link OutputDir}: Markdown bodies (links resolved and checked), roadmap
 * diagrams, theme templates, assets with content-hashed names, static files, sitemap, robots.txt and the guides' feed.
 * Problems go into the report; the caller commits the output only if there are none.
 */
public final class Renderer {
    private static final Pattern ID_ATTR = Pattern.compile("\\sid=\"([^\"]*)\"");
    private static final Map<String, String> RESOURCE_LABELS = Map.of("docs", "Documentation", "article", "Articles",
            "video", "Videos", "course", "Courses", "book", "Books", "tool", "Tools");

    private final Site site;
    private final Report report;
    private final Urls urls;
    private final Theme theme;
    private final Markdown markdown;

    /** Where a topic's page lives: its home roadmap, node and step, and that roadmap's reading order. */
    private record Placement(Roadmap roadmap, Skill skill, int step, List<Skill> order) {}

    public Renderer(Site site, Report report, Urls urls) {
        this.site = site;
        this.report = report;
        this.urls = urls;
        this.theme = new Theme(site.themeDir());
        this.markdown = new Markdown(site.config().allowHtml());
    }

    public void render(OutputDir out) throws IOException {
        Map<String, List<Skill>> orders = new LinkedHashMap<>();
        for (Roadmap r : site.roadmaps()) orders.put(r.id(), ReadingOrder.of(r));
        Map<String, Placement> placements = placements(orders);

        // Every page's site path, and which source file makes it: links are checked against these.
        Map<Path, String> sourceToPath = new HashMap<>();
        Set<String> sitePaths = new LinkedHashSet<>();
        sitePaths.add("");
        sitePaths.add(Urls.GUIDES);
        for (Roadmap r : site.roadmaps()) {
            sitePaths.add(Urls.roadmap(r.id()));
            sitePaths.add(Urls.print(r.id()));
            sourceToPath.put(r.file(), Urls.roadmap(r.id()));
            if (r.intro() != null) sourceToPath.put(r.intro().file(), Urls.roadmap(r.id()));
        }
        for (String key : placements.keySet()) {
            sitePaths.add(Urls.topic(key));
            sourceToPath.put(site.topics().get(key).file(), Urls.topic(key));
        }
        for (Page g : site.guides()) {
            sitePaths.add(Urls.guide(g.slug()));
            sourceToPath.put(g.file(), Urls.guide(g.slug()));
        }
        Map<String, Path> statics = staticFiles();
        for (Map.Entry<String, Path> e : statics.entrySet()) {
            sitePaths.add(e.getKey());
            sourceToPath.put(e.getValue(), e.getKey());
        }
        Map<String, String> assets = writeAssets(out);
        checkMenu(sitePaths);

        LinkResolver links = new LinkResolver(site.dir(), urls, sourceToPath, sitePaths, report);
        List<Page> pages = new ArrayList<>();
        placements.keySet().forEach(k -> pages.add(site.topics().get(k)));
        pages.addAll(site.guides());
        site.roadmaps().stream().map(Roadmap::intro).filter(p -> p != null).forEach(pages::add);
        Map<Path, Markdown.Rendered> bodies = new ConcurrentHashMap<>();
        pages.parallelStream().forEach(p -> bodies.put(p.file(),
                markdown.render(p.body(), p.bodyLine(), links.forPage(p.file(), sourceToPath.get(p.file())))));

        siteView = new Views.SiteView(site.config().title(), site.config().description(), site.config().language(),
                urls.basePath(), urls.path(""), urls.path(Urls.GUIDES), urls.path("feed.xml"), urls.path("search/index.json"),
                site.config().menu().stream().map(m -> new Link(m.title(), menuUrl(m.url()))).toList(), assets);
        Map<String, Set<String>> ids = new ConcurrentHashMap<>();

        List<Runnable> jobs = new ArrayList<>();
        jobs.add(() -> page(out, ids, "", "index.ftlh", meta(site.config().title(), site.config().description(), "", "website", "index"),
                Map.of("roadmaps", roadmapCards(), "guides", guideCards())));
        jobs.add(() -> page(out, ids, Urls.GUIDES, "guides.ftlh", meta("Guides", "Every guide on " + site.config().title() + ".", Urls.GUIDES, "website", "guides"),
                Map.of("guides", guideCards())));
        jobs.add(() -> page(out, ids, "404.html", "404.ftlh", meta("Page not found", site.config().description(), "404.html", "website", "404"), Map.of()));
        for (Roadmap r : site.roadmaps()) {
            Views.RoadmapView view = roadmapView(r, orders.get(r.id()), bodies);
            jobs.add(() -> page(out, ids, Urls.roadmap(r.id()), "roadmap.ftlh", meta(r.title(), r.description(), Urls.roadmap(r.id()), "website", "roadmap"),
                    Map.of("roadmap", view)));
            List<Skill> order = orders.get(r.id());
            List<Views.TopicView> topics = order.stream().filter(s -> placements.containsKey(s.topic()))
                    .map(s -> topicView(site.topics().get(s.topic()), new Placement(r, s, order.indexOf(s) + 1, order),
                            placements, bodies.get(site.topics().get(s.topic()).file()))).toList();
            jobs.add(() -> page(out, ids, Urls.print(r.id()), "print.ftlh", meta(r.title() + ": the whole roadmap", r.description(), Urls.print(r.id()), "website", "print"),
                    Map.of("print", new Views.PrintView(view, topics))));
        }
        for (Map.Entry<String, Placement> e : placements.entrySet()) {
            Page p = site.topics().get(e.getKey());
            Views.TopicView view = topicView(p, e.getValue(), placements, bodies.get(p.file()));
            jobs.add(() -> page(out, ids, Urls.topic(e.getKey()), "topic.ftlh", meta(view.title(), view.description(), Urls.topic(e.getKey()), "article", "topic"),
                    Map.of("topic", view)));
        }
        for (Page g : site.guides()) {
            jobs.add(() -> page(out, ids, Urls.guide(g.slug()), "guide.ftlh", meta(g.title(), g.description(), Urls.guide(g.slug()), "article", "guide"),
                    Map.of("guide", guideView(g, bodies.get(g.file())))));
        }
        jobs.parallelStream().forEach(job -> job.run());
        searchDocuments = () -> searchDocuments(orders, placements, bodies); // made only if the build writes an index
        // Every page "exists" for links even when its template failed; only anchors need the final HTML.
        links.checkAnchors(ids);

        Feeds feeds = new Feeds(site, urls);
        out.write("sitemap.xml", feeds.sitemap(sitePaths.stream().filter(p -> p.isEmpty() || p.endsWith("/")).toList(), lastModified(placements)));
        out.write("robots.txt", feeds.robots());
        out.write("feed.xml", feeds.atom());
        for (Map.Entry<String, Path> e : statics.entrySet()) {
            if (out.contains(e.getKey())) {
                report.error(e.getValue(), Pos.UNKNOWN, "static file would replace the generated /" + e.getKey() + "; rename it");
            } else {
                out.write(e.getKey(), Files.readAllBytes(e.getValue()));
            }
        }
    }

    private void page(OutputDir out, Map<String, Set<String>> ids, String sitePath, String template, Views.Meta meta, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("site", siteView);
        model.put("page", meta);
        try {
            String html = theme.render(template, model);
            Set<String> found = new java.util.HashSet<>();
            Matcher m = ID_ATTR.matcher(html);
            while (m.find()) found.add(m.group(1));
            ids.put(sitePath, found);
            out.write(Urls.file(sitePath), html.getBytes(StandardCharsets.UTF_8));
        } catch (Theme.TemplateFailure e) {
            report.add(e.problem());
        }
    }

    // The same for every page; set once assets are known, before pages render.
    private Views.SiteView siteView;
    private java.util.function.Supplier<List<SearchDocument>> searchDocuments = List::of;

    /** The pages search indexes, as the last {@link #render} made them: each roadmap, its topics in reading order, then the guides. */
    public List<SearchDocument> searchDocuments() {
        return searchDocuments.get();
    }

    private List<SearchDocument> searchDocuments(Map<String, List<Skill>> orders, Map<String, Placement> placements, Map<Path, Markdown.Rendered> bodies) {
        List<java.util.function.Supplier<SearchDocument>> docs = new ArrayList<>();
        for (Roadmap r : site.roadmaps()) {
            docs.add(() -> {
                List<SearchDocument.Section> sections = new ArrayList<>(r.intro() == null ? List.of() : PageText.sections(bodies.get(r.intro().file()).html()));
                for (var stage : r.stages()) {
                    sections.add(new SearchDocument.Section("stage-" + stage.id(), stage.title(), String.join(", ",
                            orders.get(r.id()).stream().filter(s -> s.stage().equals(stage.id())).map(Skill::title).toList())));
                }
                return new SearchDocument(urls.path(Urls.roadmap(r.id())), r.title(), "roadmap", r.id(), r.title(), r.description(),
                        r.intro() == null ? List.of() : r.intro().tags(), sections);
            });
            for (Skill s : orders.get(r.id())) {
                Placement where = placements.get(s.topic());
                if (where == null || where.roadmap() != r || where.skill() != s) continue;
                Page p = site.topics().get(s.topic());
                docs.add(() -> new SearchDocument(urls.path(Urls.topic(s.topic())), p.title() != null ? p.title() : s.title(), "topic", r.id(),
                        r.title(), p.description(), p.tags(), PageText.sections(bodies.get(p.file()).html())));
            }
        }
        for (Page g : site.guides()) {
            docs.add(() -> new SearchDocument(urls.path(Urls.guide(g.slug())), g.title(), "guide", null, null, g.description(), g.tags(),
                    PageText.sections(bodies.get(g.file()).html())));
        }
        return docs.parallelStream().map(java.util.function.Supplier::get).toList();
    }

    private Views.Meta meta(String title, String description, String sitePath, String ogType, String kind) {
        return new Views.Meta(title, description, urls.absolute(sitePath), ogType, kind);
    }

    /** Each topic's home: the roadmap whose folder holds the file and that has a node for it. */
    private Map<String, Placement> placements(Map<String, List<Skill>> orders) {
        Map<String, Placement> placements = new java.util.TreeMap<>();
        for (Roadmap r : site.roadmaps()) {
            List<Skill> order = orders.get(r.id());
            for (int i = 0; i < order.size(); i++) {
                Skill s = order.get(i);
                if (s.topic().startsWith(r.id() + "/") && site.topics().containsKey(s.topic())) {
                    placements.putIfAbsent(s.topic(), new Placement(r, s, i + 1, order));
                }
            }
        }
        return placements;
    }

    private Map<String, String> writeAssets(OutputDir out) throws IOException {
        Map<String, String> assets = new java.util.TreeMap<>();
        for (Map.Entry<String, byte[]> e : theme.assets().entrySet()) {
            String name = e.getKey();
            String path = "assets/" + name;
            if (name.endsWith(".css") || name.endsWith(".js")) {
                int dot = name.lastIndexOf('.');
                path = "assets/" + name.substring(0, dot) + "." + hash(e.getValue()) + name.substring(dot);
            }
            String problem = SafePath.problem(path);
            if (problem != null) {
                report.error(site.themeDir() == null ? site.dir() : site.themeDir(), Pos.UNKNOWN, "theme asset " + problem);
                continue;
            }
            out.write(path, e.getValue());
            assets.put(name, urls.path(path));
        }
        return assets;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Path> staticFiles() throws IOException {
        Map<String, Path> files = new java.util.TreeMap<>();
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
                    files.put(rel, p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    private void checkMenu(Set<String> sitePaths) {
        for (var item : site.config().menu()) {
            String url = item.url();
            if (url.startsWith("/") && !url.startsWith("//")) {
                String path = url.substring(1).replaceFirst("[?#].*$", "");
                if (!sitePaths.contains(path) && !sitePaths.contains(path + "/")) {
                    report.error(site.config().file(), item.at(), "menu link '" + url + "': no such page on this site");
                }
            } else if (dev.sitegen.content.Links.checkExternal(url) != null) {
                report.error(site.config().file(), item.at(), "menu url '" + url + "' must start with / (a page of this site) or be an http(s) URL");
            }
        }
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
        String diagram = DiagramSvg.of(r.title(), Layout.of(r, order), nodeUrls, order.size());
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

    private static java.util.Optional<Alternative> groupOf(Roadmap r, String nodeId) {
        return r.alternatives().stream().filter(g -> g.nodeIds().contains(nodeId)).findFirst();
    }

    private Views.TopicView topicView(Page p, Placement where, Map<String, Placement> placements, Markdown.Rendered body) {
        Roadmap r = where.roadmap();
        Skill s = where.skill();
        List<Skill> order = where.order();
        Link roadmapLink = new Link(r.title(), urls.path(Urls.roadmap(r.id())));
        List<Link> unlocks = new ArrayList<>();
        for (Skill other : order) {
            if (GraphCheck.dependsOn(r, other, s.id())) unlocks.add(new Link(other.title(), topicUrl(other)));
        }
        int i = where.step() - 1;
        Link previous = i > 0 ? new Link(order.get(i - 1).title(), topicUrl(order.get(i - 1))) : null;
        Link next = i + 1 < order.size() ? new Link(order.get(i + 1).title(), topicUrl(order.get(i + 1))) : null;
        List<Link> alsoIn = new ArrayList<>();
        List<Resource> resources = new ArrayList<>(p.resources());
        for (Roadmap other : site.roadmaps()) {
            for (Skill node : other.skills()) {
                if (!node.topic().equals(p.key())) continue;
                if (other != r) alsoIn.add(new Link(other.title(), urls.path(Urls.roadmap(other.id()))));
                resources.addAll(node.resources());
            }
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
        Set<String> seen = new java.util.HashSet<>();
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
