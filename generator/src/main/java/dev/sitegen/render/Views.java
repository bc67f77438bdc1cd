package dev.sitegen.render;

import java.util.List;
import java.util.Map;

/**
 * The records templates see: made for them, holding only display values (URLs made, HTML rendered). Fields whose name
 * ends in {@code Html} hold trusted markup and are the only ones a template prints with {@code ?no_esc}.
 */
public final class Views {
    private Views() {}

    public record Link(String title, String url) {}

    /**
     * {@code basePath} is the base URL's path ({@code /learn/}): scripts use it to keep their storage apart per site.
     * {@code searchUrl} is the search index's entry file, which search.js loads. {@code assets} are the theme's asset
     * URLs by name ({@code js/site.js}); {@code preloads} the URLs of the modules each script imports, for
     * {@code <link rel=modulepreload>}.
     */
    public record SiteView(String title, String description, String language, String basePath, String homeUrl, String guidesUrl,
                           String feedUrl, String searchUrl, List<Link> menu, Map<String, String> assets,
                           Map<String, List<String>> preloads) {
        public SiteView {
            menu = List.copyOf(menu);
            assets = Map.copyOf(assets);
            preloads = Map.copyOf(preloads);
        }
    }

    /** What the {@code <head>} needs: title, description, canonical URL, Open Graph type. */
    public record Meta(String title, String description, String canonicalUrl, String ogType, String kind) {}

    public record RoadmapCard(String id, String title, String description, String url, int topicCount, int stageCount,
                              List<String> stages) {
        public RoadmapCard {
            stages = List.copyOf(stages);
        }
    }

    public record GuideCard(String title, String description, String url, String date, List<String> tags) {
        public GuideCard {
            tags = List.copyOf(tags);
        }
    }

    /**
     * One topic of a roadmap's outline. {@code group} is the "pick one of" group's title, or null. {@code requiresTokens}
     * is for scripts: space-separated prerequisites, each a node id or {@code a|b|c} when any one of a group will do.
     */
    public record Step(int step, String id, String title, String url, boolean optional, List<Link> requires, String group,
                       String requiresTokens) {
        public Step {
            requires = List.copyOf(requires);
        }
    }

    public record StageView(String id, String title, String description, List<Step> steps) {
        public StageView {
            steps = List.copyOf(steps);
        }
    }

    public record RoadmapView(String id, String title, String description, String url, String printUrl, String introHtml,
                              String diagramHtml, List<StageView> stages, int topicCount, List<Link> breadcrumbs) {
        public RoadmapView {
            stages = List.copyOf(stages);
            breadcrumbs = List.copyOf(breadcrumbs);
        }
    }

    public record ResourceItem(String title, String url, String host) {}

    public record ResourceGroup(String type, String label, List<ResourceItem> items) {
        public ResourceGroup {
            items = List.copyOf(items);
        }
    }

    /** A topic page; {@code roadmapId} and {@code nodeId} name it for progress tracking in its home roadmap. */
    public record TopicView(String roadmapId, String nodeId, String title, String description, String bodyHtml, Link roadmap, int step, int stepCount,
                            String stage, boolean optional, String group, List<Link> alternatives,
                            List<ResourceGroup> resources, List<Link> prerequisites, List<Link> unlocks,
                            Link previous, Link next, List<Link> breadcrumbs, List<Link> alsoIn, String updated, List<String> tags,
                            String editUrl) {
        public TopicView {
            alternatives = List.copyOf(alternatives);
            resources = List.copyOf(resources);
            prerequisites = List.copyOf(prerequisites);
            unlocks = List.copyOf(unlocks);
            breadcrumbs = List.copyOf(breadcrumbs);
            alsoIn = List.copyOf(alsoIn);
            tags = List.copyOf(tags);
        }
    }

    public record TocEntry(int level, String id, String text) {}

    /** The printable roadmap: diagram, outline and every topic's text in reading order. */
    public record PrintView(RoadmapView roadmap, List<TopicView> topics) {
        public PrintView {
            topics = List.copyOf(topics);
        }
    }

    public record GuideView(String title, String description, String bodyHtml, List<TocEntry> toc, String date, String updated,
                            String author, List<String> tags, List<Link> breadcrumbs, String editUrl, boolean draft) {
        public GuideView {
            toc = List.copyOf(toc);
            tags = List.copyOf(tags);
            breadcrumbs = List.copyOf(breadcrumbs);
        }
    }
}
