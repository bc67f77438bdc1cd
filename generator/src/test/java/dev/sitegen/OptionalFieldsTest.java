package dev.sitegen;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.search.Searcher;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A topic needs no front matter: its description is its first sentence, its date its file's last commit. */
class OptionalFieldsTest {
    @TempDir
    Path tmp;

    @Test
    void aTopicWithoutFrontMatterTakesItsDescriptionFromItsFirstSentence() throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
        Files.writeString(site.resolve("topics/web/css.md"), "## Selectors\n\nCSS gives pages **their** look. The rest follows.\n");
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertTrue(result.ok(), result.problems().toString());
        Document page = Sites.page(tmp.resolve("out"), "web/css/");
        assertEquals("CSS gives pages their look.", page.selectFirst("meta[name=description]").attr("content"));
        assertNull(page.selectFirst("main time"), "no date: the site is not in git");
    }

    @Test
    void aPageWithoutUpdatedShowsItsLastCommitDate() throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replaceAll("(?m)^updated:.*\n", ""));
        Assumptions.assumeTrue(git(site, "init", "-q") == 0, "git is installed");
        git(site, "add", ".");
        git(site, "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-m", "first");

        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertTrue(result.ok(), result.problems().toString());
        Document page = Sites.page(tmp.resolve("out"), "web/css/");
        assertEquals("2025-03-04", page.selectFirst("main time").attr("datetime"));
        assertTrue(Sites.text(tmp.resolve("out/sitemap.xml")).contains("<lastmod>2025-03-04</lastmod>"));
    }

    @Test
    void editUrlPutsAnEditLinkOnEveryTopicAndGuide() throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
        Path config = site.resolve("site.yaml");
        Files.writeString(config, Files.readString(config) + "editUrl: https://github.com/acme/learn/edit/main/content\n");
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertTrue(result.ok(), result.problems().toString());
        assertEquals("https://github.com/acme/learn/edit/main/content/topics/web/css.md",
                Sites.page(tmp.resolve("out"), "web/css/").selectFirst("a:contains(Edit this page)").attr("href"));
        assertEquals("https://github.com/acme/learn/edit/main/content/guides/start.md",
                Sites.page(tmp.resolve("out"), "guides/start/").selectFirst("a:contains(Edit this page)").attr("href"));
        assertNull(Sites.page(tmp.resolve("out"), "").selectFirst("a:contains(Edit this page)"), "not on the index");

        Files.writeString(config, Files.readString(config).replace("https://github.com/acme/learn/edit/main/content", "javascript:alert(1)"));
        assertEquals(List.of("site.yaml:" + Files.readString(config).lines().toList().size() + ":10: editUrl 'javascript:alert(1)' uses the scheme"
                + " 'javascript'; only http and https are allowed"), Sites.lines(Sites.build(site, tmp.resolve("out"))));
    }

    @Test
    void aDraftGuideIsLeftOutOfABuildAndMarkedByTheDevServer() throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
        // A guide nobody links to yet: a link to a draft would be a broken link in the published site, and an error.
        Files.writeString(site.resolve("guides/next.md"), "---\ntitle: Coming next\ndescription: Quasars, soon.\ndate: 2026-12-01\ndraft: true\n---\nText.\n");
        Path out = tmp.resolve("out");
        BuildResult result = Sites.build(site, out);
        assertTrue(result.ok(), result.problems().toString());
        assertTrue(Files.notExists(out.resolve("guides/next")), "no page");
        for (String file : List.of("guides/index.html", "index.html", "sitemap.xml", "feed.xml")) {
            assertTrue(!Sites.text(out.resolve(file)).contains("guides/next/"), file + " does not name it");
        }
        Searcher search = new Searcher(p -> {
            try {
                return Files.readAllBytes(out.resolve("search").resolve(p));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(List.of(), search.search("quasars", 10), "search does not find it");

        Path served = tmp.resolve("served");
        // The dev server's builds keep drafts.
        BuildResult preview = new SiteGenerator().build(new BuildRequest(site, served, "http://127.0.0.1:1313/").withDrafts(true));
        assertTrue(preview.ok(), preview.problems().toString());
        assertTrue(Sites.page(served, "guides/next/").selectFirst(".draft-note").text().startsWith("Draft."));
    }

    private static int git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Map.of("GIT_COMMITTER_DATE", "2025-03-04T10:00:00Z", "GIT_AUTHOR_DATE", "2025-03-04T10:00:00Z",
                "GIT_CONFIG_NOSYSTEM", "1", "HOME", dir.toString()));
        try {
            Process p = pb.start();
            p.waitFor(5, TimeUnit.MINUTES); // a hang guard only
            return p.exitValue();
        } catch (IOException e) {
            return -1; // no git
        }
    }
}
