package dev.sitegen.render;

import dev.sitegen.content.Fields.Ref;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.Page;
import dev.sitegen.content.Resource;
import dev.sitegen.graph.Alternative;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.load.Site;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.plan.SitePlan.Placement;
import dev.sitegen.plan.SitePlan.Usage;
import dev.sitegen.plan.Urls;
import dev.sitegen.render.Views.Link;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Makes the view records of {@link Views} that templates see, from the loaded site and its plan. */
final class PageViews {
    private static final Map<String, String> RESOURCE_LABELS = Map.of("docs", "Documentation", "article", "Articles",
            "video", "Videos", "course", "Courses", "book", "Books", "tool", "Tools");

    private final Site site;
    private final SitePlan plan;
    private final Urls urls;

    PageViews(SitePlan plan) {
        this.site = plan.site();
        this.plan = plan;
        this.urls = plan.urls();
    }

    Views.SiteView site(Assets.Published assets) {
        return new Views.SiteView(site.config().title(), site.config().description(), site.config().language(),
                urls.basePath(), urls.path(""), urls.path(Urls.GUIDES), urls.path("feed.xml"), urls.path("search/index.json"),
                site.config().menu().stream().map(m -> new Link(m.title(), menuUrl(m.url()))).toList(),
                assets.urls(), assets.preloads());
    }

    Views.Meta meta(String title, String description, String sitePath, String ogType, String kind) {
        return new Views.Meta(title, description, urls.absolute(sitePath), ogType, kind);
    }

    private String menuUrl(String url) {
        if (url.startsWith("/") && !url.startsWith("//")) {
            String path = url.substring(1);
            return urls.path(path);
        }
        return url;
    }

    List<Views.RoadmapCard> roadmapCards() {
        return site.roadmaps().stream().map(r -> new Views.RoadmapCard(r.id(), r.title(), r.description(), urls.path(Urls.roadmap(r.id())),
                r.skills().size(), r.stages().size(), r.stages().stream().map(s -> s.title()).toList())).toList();
    }

    List<Views.GuideCard> guideCards() {
        return site.guides().stream().map(g -> new Views.GuideCard(g.title(), g.description(), urls.path(Urls.guide(g.slug())),
                g.date() == null ? null : g.date().toString(), g.tags())).toList();
    }

    String topicUrl(Skill s) {
        return urls.path(Urls.topic(s.topic()));
    }

    /** A roadmap's page: its outline by stage, with the diagram already drawn and the intro's HTML, if any. */
    Views.RoadmapView roadmap(Roadmap r, List<Skill> order, String introHtml, String diagram) {
        Map<String, Integer> step = new HashMap<>();
        for (int i = 0; i < order.size(); i++) step.put(order.get(i).id(), i + 1);
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
        return new Views.RoadmapView(r.id(), r.title(), r.description(), urls.path(Urls.roadmap(r.id())), urls.path(Urls.print(r.id())), introHtml, diagram, stages,
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

    /** A topic's page, placed where {@code where} says: its roadmap, step, neighbours and the graphs that also use it. */
    Views.TopicView topic(Page p, Placement where, Markdown.Rendered body) {
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
                p.updated() == null ? null : p.updated().toString(), p.tags(), editUrl(p));
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

    Views.GuideView guide(Page g, Markdown.Rendered body) {
        List<Views.TocEntry> toc = body.headings().stream().filter(h -> h.level() == 2 || h.level() == 3)
                .map(h -> new Views.TocEntry(h.level(), h.id(), h.text())).toList();
        return new Views.GuideView(g.title(), g.description(), body.html(), toc, g.date() == null ? null : g.date().toString(),
                g.updated() == null ? null : g.updated().toString(), g.author(), g.tags(),
                List.of(new Link("Roadmaps", urls.path("")), new Link("Guides", urls.path(Urls.GUIDES))), editUrl(g), g.draft());
    }

    /** Where the page's file is edited ({@code editUrl} in site.yaml followed by its path in the site), or null. */
    private String editUrl(Page p) {
        String base = site.config().editUrl();
        if (base == null) return null;
        String rel = site.dir().toAbsolutePath().normalize().relativize(p.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
        StringBuilder url = new StringBuilder(base);
        for (String part : rel.split("/")) url.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20")).append('/');
        return url.substring(0, url.length() - 1);
    }
}
