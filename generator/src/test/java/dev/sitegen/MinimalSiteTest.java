package dev.sitegen;

import dev.sitegen.build.BuildResult;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The minimal fixture: every page kind, a "pick one" group, an optional node, links rewritten for the base path. */
class MinimalSiteTest {
    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        BuildResult result = Sites.build(Sites.fixture("minimal"), out);
        assertTrue(result.ok(), () -> String.join("\n", Sites.lines(result)));
        assertEquals("Built 10 pages (1 roadmap)", result.summary().replaceFirst(" in .*", ""));
    }

    @Test
    void roadmapOutlineFollowsStagesAndPrerequisites() {
        Document page = Sites.page(out, "web/");
        assertEquals(List.of("Basics", "Next steps"), page.select(".outline .stage h3").eachText());
        assertEquals(List.of("1", "2", "3", "4"), page.select(".outline ol.steps > li").eachAttr("value"));
        assertEquals(List.of("HTML", "CSS", "Utility classes", "Page layout"), page.select(".outline ol.steps > li > a:first-child").eachText());
        assertTrue(page.selectFirst("#topic-layout .requires").text().contains("Pick a way to style (any one)"));
        assertEquals("optional", page.selectFirst("#topic-tailwind .badge").text());
    }

    @Test
    void diagramHasAccessibleNodesGroupsAndDashedOptionalEdges() {
        Document page = Sites.page(out, "web/");
        var nodes = page.select("svg.diagram a.node");
        assertEquals(List.of("Step 1: HTML (Basics)", "Step 2: CSS (Basics)", "Step 3: Utility classes (Basics, optional)", "Step 4: Page layout (Next steps)"),
                nodes.stream().sorted((a, b) -> a.attr("aria-label").compareTo(b.attr("aria-label"))).map(n -> n.attr("aria-label")).toList());
        assertEquals("Pick a way to style", page.selectFirst("svg .group-label").text());
        assertFalse(page.select("svg path.edge.optional[data-to=tailwind]").isEmpty());
        assertFalse(page.select("svg path.edge:not(.optional)[data-to=css]").isEmpty());
        assertEquals(1, page.select("svg path.edge[data-to=layout]").size(), "one edge from the group, not one per option");
    }

    @Test
    void introIsRenderedAboveTheDiagram() {
        Document page = Sites.page(out, "web/");
        assertEquals("/learn/web/html/", page.selectFirst(".intro a").attr("href"));
    }

    @Test
    void topicShowsResourcesGroupedByTypeAndItsNeighbours() {
        Document html = Sites.page(out, "web/html/");
        assertEquals(List.of("Documentation", "Videos"), html.select(".resources h3").eachText());
        assertEquals("developer.mozilla.org", html.selectFirst(".resources .host").text());
        assertNull(html.selectFirst(".pager a[rel=prev]"));
        assertEquals("/learn/web/css/", html.selectFirst(".pager a[rel=next]").attr("href"));
        assertEquals(List.of("CSS", "Utility classes"), html.select(".relations div:nth-child(2) a").eachText());
        assertEquals(List.of("html", "basics"), html.select(".tags li").eachText());
        Document css = Sites.page(out, "web/css/");
        assertTrue(css.selectFirst(".pick-one").text().contains("Utility classes"));
        Document layout = Sites.page(out, "web/layout/");
        assertEquals(List.of("Layout cookbook"), layout.select(".resources a").eachText(), "resources given on the node are shown");
    }

    @Test
    void markdownLinksAreRewrittenForTheBasePath() {
        Document html = Sites.page(out, "web/html/");
        assertEquals("/learn/web/css/#selectors", html.selectFirst(".prose a[href*=css]").attr("href"));
        assertEquals("/learn/guides/start/#first-steps", html.selectFirst(".prose a[href*=guides]").attr("href"));
        assertEquals("/learn/img/dot.svg", html.selectFirst(".prose img").attr("src"));
        assertTrue(Files.isRegularFile(out.resolve("img/dot.svg")));
        Document css = Sites.page(out, "web/css/");
        assertEquals(List.of("/learn/web/", "/learn/web/layout/"), css.select(".prose p a").eachAttr("href"));
    }

    @Test
    void headingsHaveIdsAndAnchorLinks() {
        Document html = Sites.page(out, "web/html/");
        assertEquals("#elements", html.selectFirst("h2#elements a.anchor").attr("href"));
    }

    @Test
    void guidesPageAndFeedListTheGuide() {
        Document guides = Sites.page(out, "guides/");
        assertEquals(List.of("Getting started"), guides.select(".guide-list h2").eachText());
        Document guide = Sites.page(out, "guides/start/");
        assertEquals(List.of("First steps", "Then"), guide.select("nav.toc a").eachText());
        String feed = Sites.text(out.resolve("feed.xml"));
        assertTrue(feed.contains("<updated>2026-11-15T00:00:00Z</updated>"));
        assertTrue(feed.contains("<author><name>Tests</name></author>"));
    }

    @Test
    void printPageHasTheDiagramAndEveryTopicsTextInReadingOrder() {
        Document print = Sites.page(out, "web/print/");
        assertEquals(1, print.select("svg.diagram").size());
        assertEquals(List.of("HTML", "CSS", "Utility-first CSS", "Page layout"), print.select("article.print-topic > h2").eachText());
        assertTrue(print.selectFirst("#text-html").text().contains("An element has a start tag and an end tag."));
        assertEquals(List.of("#text-html", "#text-css", "#text-tailwind", "#text-layout"), print.select(".print-outline a").eachAttr("href"));
        assertEquals("/learn/web/print/", Sites.page(out, "web/").selectFirst("a[href$=print/]").attr("href"));
    }

    @Test
    void notFoundPageUsesRootRelativeLinks() {
        Document page = Sites.page(out, "404.html");
        assertEquals("/learn/assets/", page.selectFirst("link[rel=stylesheet]").attr("href").substring(0, 14));
        assertEquals("/learn/", page.selectFirst("main a").attr("href"));
        assertNull(page.selectFirst("link[rel=canonical]"));
    }

    @Test
    void sameInputGivesByteIdenticalOutput(@TempDir Path other) throws Exception {
        Path again = other.resolve("site");
        assertTrue(Sites.build(Sites.fixture("minimal"), again).ok());
        for (Path file : Sites.htmlFiles(out)) {
            assertEquals(Files.readString(file), Files.readString(again.resolve(out.relativize(file).toString())), file.toString());
        }
    }
}
