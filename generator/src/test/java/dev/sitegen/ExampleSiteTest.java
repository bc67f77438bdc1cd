package dev.sitegen;

import dev.sitegen.build.BuildResult;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example site in content/ builds with no errors, under a sub-path base URL, and every link a reader can follow
 * lands on a page that exists, at an anchor that exists; nothing is loaded from another host.
 */
class ExampleSiteTest {
    @TempDir
    static Path tmp;
    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        result = Sites.build(Sites.example(), out);
    }

    @Test
    void buildsWithoutProblems() {
        assertTrue(result.ok(), () -> String.join("\n", Sites.lines(result)));
        assertEquals(List.of(), Sites.lines(result), "the example content should have no warnings either");
    }

    @Test
    void indexListsThreeRoadmapsAndTheGuide() {
        Document index = Sites.page(out, "");
        assertEquals(List.of("Backend Developer", "Frontend Basics", "SQL and Databases"), index.select("#roadmap-cards h3").eachText());
        assertTrue(index.select(".guide-list h3").eachText().contains("How to become a backend developer"));
        assertTrue(index.select("#roadmap-cards .card-meta").first().text().startsWith("30 topics · 3 stages"));
    }

    @Test
    void everyNodeOfEveryRoadmapLinksToARealTopicPage() {
        for (String roadmap : List.of("backend", "frontend", "databases")) {
            Document page = Sites.page(out, roadmap + "/");
            var nodes = page.select("svg.diagram a.node");
            var steps = page.select(".outline ol.steps > li");
            assertEquals(nodes.size(), steps.size(), roadmap + ": diagram and outline list the same topics");
            assertTrue(nodes.size() >= 10, roadmap + " has " + nodes.size() + " nodes");
            for (Element node : nodes) {
                String href = node.attr("href");
                assertTrue(href.startsWith("/learn/"), href);
                assertTrue(Files.isRegularFile(out.resolve(href.substring("/learn/".length())).resolve("index.html")), href);
            }
        }
    }

    @Test
    void sharedTopicHasOnePageAndIsLinkedFromBothRoadmaps() {
        assertTrue(Files.exists(out.resolve("databases/sql/index.html")));
        assertFalse(Files.exists(out.resolve("backend/sql/index.html")));
        Document backend = Sites.page(out, "backend/");
        assertFalse(backend.select("a.node[href=/learn/databases/sql/]").isEmpty());
        Document sql = Sites.page(out, "databases/sql/");
        assertTrue(sql.select(".relations a").eachText().contains("Backend Developer"));
    }

    @Test
    void everyInternalLinkAndAnchorResolves() {
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Document> docs = new HashMap<>();
        for (Path file : Sites.htmlFiles(out)) {
            String rel = out.relativize(file).toString().replace('\\', '/');
            Document doc = Sites.page(out, rel);
            docs.put(rel, doc);
            ids.put(rel, Set.copyOf(doc.select("[id]").eachAttr("id")));
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (var e : docs.entrySet()) {
            String from = e.getKey();
            for (Element a : e.getValue().select("a[href], link[href], script[src], img[src]")) {
                String url = a.hasAttr("href") ? a.attr("href") : a.attr("src");
                if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")) continue;
                checked++;
                URI resolved = URI.create("https://example.org/learn/" + from).resolve(url);
                String path = resolved.getPath();
                if (!path.startsWith("/learn/")) {
                    broken.add(from + ": " + url + " is outside the base path");
                    continue;
                }
                String target = path.substring("/learn/".length());
                String file = target.isEmpty() || target.endsWith("/") ? target + "index.html" : target;
                if (!Files.isRegularFile(out.resolve(file))) {
                    broken.add(from + ": " + url + " -> missing " + file);
                } else if (resolved.getFragment() != null && !resolved.getFragment().isEmpty() && file.endsWith(".html")
                        && !ids.get(file).contains(resolved.getFragment())) {
                    broken.add(from + ": " + url + " -> no id '" + resolved.getFragment() + "' in " + file);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(checked > 1000, "checked " + checked + " links");
    }

    @Test
    void nothingIsLoadedFromAnotherHost() {
        for (Path file : Sites.htmlFiles(out)) {
            Document doc = Sites.page(out, out.relativize(file).toString());
            for (Element el : doc.select("script[src], link[rel=stylesheet], img[src], iframe, link[rel=preload]")) {
                String url = el.hasAttr("src") ? el.attr("src") : el.attr("href");
                assertTrue(url.startsWith("/learn/"), file + " loads " + url);
            }
            assertTrue(doc.select("script:not([src])").isEmpty(), file + " has an inline script");
            assertTrue(doc.select("[style]").isEmpty(), file + " has an inline style");
        }
    }

    @Test
    void topicPageShowsWhereItFits() {
        Document http = Sites.page(out, "backend/http/");
        assertEquals("How HTTP works", http.selectFirst("h1").text());
        assertTrue(http.selectFirst(".eyebrow").text().matches("Step \\d+ of 30 · Basics"));
        assertEquals(List.of("Roadmaps", "Backend Developer", "How HTTP works"), http.select(".breadcrumbs li").eachText());
        assertFalse(http.select(".resources h3").isEmpty());
        assertTrue(http.select(".relations div:nth-child(1) a").eachText().contains("How the internet works"));
        assertFalse(http.select(".pager a[rel=prev]").isEmpty());
        assertFalse(http.select(".pager a[rel=next]").isEmpty());
    }

    @Test
    void guideHasATableOfContentsMatchingItsHeadings() {
        Document guide = Sites.page(out, "guides/how-to-become-a-backend-developer/");
        List<String> toc = guide.select("nav.toc a").eachText();
        assertTrue(toc.containsAll(List.of("Basics", "Intermediate", "Advanced")), toc.toString());
        for (Element a : guide.select("nav.toc a")) {
            assertFalse(guide.select("[id=" + a.attr("href").substring(1) + "]").isEmpty(), a.attr("href"));
        }
    }

    @Test
    void headHasCanonicalAndOpenGraphAndFingerprintedAssets() {
        Document page = Sites.page(out, "backend/");
        assertEquals("https://example.org/learn/backend/", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Backend Developer", page.selectFirst("meta[property=og:title]").attr("content"));
        assertTrue(page.selectFirst("link[rel=stylesheet]").attr("href").matches("/learn/assets/css/site\\.[0-9a-f]{10}\\.css"));
        assertTrue(page.selectFirst("script[type=module][src]").attr("src").matches("/learn/assets/js/site\\.[0-9a-f]{10}\\.js"));
        // progress.js imports roadmap.js, which imports outline.js: both are named up front.
        List<String> preloads = page.select("link[rel=modulepreload]").eachAttr("href");
        assertTrue(preloads.stream().anyMatch(u -> u.matches("/learn/assets/js/roadmap\\.[0-9a-f]{10}\\.js")), preloads.toString());
        assertTrue(preloads.stream().anyMatch(u -> u.matches("/learn/assets/js/outline\\.[0-9a-f]{10}\\.js")), preloads.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"404.html", "sitemap.xml", "robots.txt", "feed.xml"})
    void machineFilesExist(String name) {
        assertTrue(Files.isRegularFile(out.resolve(name)), name);
    }

    @Test
    void sitemapAndFeedUseAbsoluteUrls() {
        String sitemap = Sites.text(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/learn/backend/http/</loc>"));
        assertFalse(sitemap.contains("404"));
        String feed = Sites.text(out.resolve("feed.xml"));
        assertTrue(feed.contains("<id>https://example.org/learn/guides/how-to-become-a-backend-developer/</id>"));
        assertTrue(Sites.text(out.resolve("robots.txt")).contains("Sitemap: https://example.org/learn/sitemap.xml"));
    }

    @Test
    void aBaseUrlAtTheHostRootGivesRootLinks(@TempDir Path other) {
        BuildResult root = Sites.build(Sites.example(), other.resolve("site"), "https://learn.example.com");
        assertTrue(root.ok(), () -> String.join("\n", Sites.lines(root)));
        Document page = Sites.page(other.resolve("site"), "backend/");
        assertEquals("/backend/http/", page.selectFirst("a.node[data-node=http]").attr("href"));
        assertEquals("https://learn.example.com/backend/", page.selectFirst("link[rel=canonical]").attr("href"));
    }
}
