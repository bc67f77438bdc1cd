package dev.sitegen;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second build takes unchanged pages from the first, renders what changed, and still checks every link: a page
 * taken from the cache fails the build when the heading it links to disappears.
 */
class IncrementalBuildTest {
    @TempDir
    Path tmp;
    Path site;
    Path out;

    @BeforeEach
    void firstBuild() {
        site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
        out = tmp.resolve("target/site");
        BuildResult first = Sites.build(site, out);
        assertTrue(first.ok(), () -> String.join("\n", Sites.lines(first)));
        assertEquals(0, first.reused());
    }

    @Test
    void nothingChangedMeansNothingIsRenderedAgain() throws Exception {
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok());
        assertEquals(7, again.reused(), "4 topics, the roadmap, its print page and the guide");
        assertEquals(List.of("HTML"), search(out, "element start tag"), "the search index taken from the previous build works");
        assertEquals(10, again.pages());
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aRebuildWithoutChangesLeavesTheSiteFolderAlone() throws Exception {
        Object folder = Files.readAttributes(out, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Path cacheFile = new BuildRequest(site, out).cacheFile();
        Files.setLastModifiedTime(cacheFile, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(cacheFile).toMillis() - 60_000));
        var cache = Files.getLastModifiedTime(cacheFile);
        var modified = Files.getLastModifiedTime(out.resolve("index.html"));
        Files.setLastModifiedTime(out.resolve("index.html"), java.nio.file.attribute.FileTime.fromMillis(modified.toMillis() - 60_000));
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok());
        assertEquals(folder, Files.readAttributes(out, java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "not swapped");
        assertEquals(modified.toMillis() - 60_000, Files.getLastModifiedTime(out.resolve("index.html")).toMillis(), "not rewritten");
        assertEquals(cache, Files.getLastModifiedTime(cacheFile), "nor the cache");
        try (var left = Files.list(out.getParent())) {
            assertEquals(List.of("site"), left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary folder or cache left beside it");
        }
    }

    @Test
    void aRebuildWithoutChangesStillRemovesFilesThatDoNotBelongAndRestoresMissingOnes() throws Exception {
        Files.writeString(out.resolve("stray.html"), "not ours");
        Files.delete(out.resolve("robots.txt"));
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok());
        assertFalse(Files.exists(out.resolve("stray.html")));
        assertTrue(Files.readString(out.resolve("robots.txt")).contains("Sitemap:"));
        Files.delete(out.resolve("web/css/index.html"));
        BuildResult third = Sites.build(site, out);
        assertTrue(third.ok());
        assertTrue(Sites.text(out.resolve("web/css/index.html")).contains("Selectors pick elements."));
    }

    @Test
    void aBuildAfterTheOutputFolderWasDeletedRendersEveryPage() throws Exception {
        // The cache beside it speaks of files that are gone: it is not read, and every page is rendered.
        try (var walk = Files.walk(out)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok(), () -> String.join("\n", Sites.lines(again)));
        assertEquals(0, again.reused());
        assertEquals(10, again.pages());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertEquals(List.of("HTML"), search(out, "element start tag"));
    }

    @Test
    void anEditedTopicIsRenderedAgainWithItsPrintPage() throws Exception {
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("Selectors pick elements.", "Selectors pick elements, now faster."));
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok(), () -> String.join("\n", Sites.lines(again)));
        assertEquals(5, again.reused(), "the topic and the print page are rendered again");
        assertTrue(Sites.text(out.resolve("web/css/index.html")).contains("now faster"));
        assertTrue(Sites.text(out.resolve("web/print/index.html")).contains("now faster"));
    }

    @Test
    void aFewChangedPagesAreMovedIntoTheSiteFolderOneByOne() throws Exception {
        Object folder = fileKey(out);
        Object unchanged = fileKey(out.resolve("web/html/index.html"));
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("Selectors pick elements.", "Selectors pick elements, now faster."));
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok(), () -> String.join("\n", Sites.lines(again)));
        assertEquals(folder, fileKey(out), "not swapped");
        assertEquals(unchanged, fileKey(out.resolve("web/html/index.html")), "an unchanged page is left as it was");
        assertEquals(5, Sites.build(site, out).reused() - 2, "the cache was saved again: the next build reuses all 7 pages");
        assertTrue(Sites.text(out.resolve("web/css/index.html")).contains("now faster"));
        assertEquals(List.of("CSS"), search(out, "faster"));
        try (var dirs = Files.list(out.resolve("search"))) {
            assertEquals(1, dirs.filter(Files::isDirectory).count(), "the previous index's files and folder are gone");
        }
        try (var left = Files.list(out.getParent())) {
            assertEquals(List.of("site"), left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary folder or cache left beside it");
        }
    }

    @Test
    void aPageWhoseSourceIsGoneLeavesTheSiteWithItsFolder() throws Exception {
        Files.writeString(site.resolve("guides/extra.md"), """
                ---
                title: Extra reading
                description: One more guide.
                date: 2026-11-02
                ---
                More to read.
                """);
        assertTrue(Sites.build(site, out).ok());
        assertTrue(Sites.text(out.resolve("guides/extra/index.html")).contains("More to read."));
        Object folder = fileKey(out);
        Files.delete(site.resolve("guides/extra.md"));
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok(), () -> String.join("\n", Sites.lines(again)));
        assertEquals(folder, fileKey(out), "updated file by file");
        assertFalse(Files.exists(out.resolve("guides/extra")), "the page's folder went with it");
        assertFalse(Sites.text(out.resolve("guides/index.html")).contains("Extra reading"));
    }

    @Test
    void aFileWhereTheSiteNeedsAFolderIsReplacedByASwap() throws Exception {
        Files.delete(out.resolve("web/css/index.html"));
        Files.delete(out.resolve("web/css"));
        Files.writeString(out.resolve("web/css"), "in the way");
        Object folder = fileKey(out);
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok(), () -> String.join("\n", Sites.lines(again)));
        assertFalse(folder.equals(fileKey(out)), "swapped");
        assertTrue(Sites.text(out.resolve("web/css/index.html")).contains("Selectors pick elements."));
    }

    private static Object fileKey(Path p) throws java.io.IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    @Test
    void anEditThatKeepsTheSizeAndTimeOfTheFileIsStillSeen() throws Exception {
        // Two letters swapped, then the file's time put back: only its content tells.
        Path css = site.resolve("topics/web/css.md");
        var modified = Files.getLastModifiedTime(css);
        String text = Files.readString(css);
        Files.writeString(css, text.replace("Selectors pick elements.", "Selectors pcik elements."));
        Files.setLastModifiedTime(css, modified);
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok(), () -> String.join("\n", Sites.lines(again)));
        assertEquals(5, again.reused());
        assertTrue(Sites.text(out.resolve("web/css/index.html")).contains("Selectors pcik elements."));
    }

    @Test
    void aCachedPageStillFailsWhenTheAnchorItLinksToIsGone() throws Exception {
        // html.md links to css.md#selectors; html.md itself does not change.
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("## Selectors", "## Choosing elements"));
        BuildResult again = Sites.build(site, out);
        assertFalse(again.ok());
        assertEquals(List.of("topics/web/html.md:15:56: link 'css.md#selectors': no heading or element with id 'selectors' on /web/css/"), Sites.lines(again));
    }

    @Test
    void aNewAnchorIntoAPageTakenFromThePreviousBuildIsCheckedAgainstItsHtml() throws Exception {
        // css.md does not change, so its page is taken as it is, and its ids are read from it: html.md now links to a
        // heading css.md does not have, and then to its own again.
        Path html = site.resolve("topics/web/html.md");
        String text = Files.readString(html);
        Files.writeString(html, text.replace("css.md#selectors", "css.md#choosing"));
        BuildResult broken = Sites.build(site, out);
        assertFalse(broken.ok());
        assertEquals(1, Sites.lines(broken).size(), () -> String.join("\n", Sites.lines(broken)));
        assertTrue(Sites.lines(broken).get(0).startsWith(
                "topics/web/html.md:15:56: link 'css.md#choosing': no heading or element with id 'choosing' on /web/css/"), Sites.lines(broken).get(0));
        Files.writeString(html, text);
        BuildResult fixed = Sites.build(site, out);
        assertTrue(fixed.ok(), () -> String.join("\n", Sites.lines(fixed)));
        assertTrue(fixed.reused() > 0);
        assertTrue(Sites.text(out.resolve("web/html/index.html")).contains("/web/css/#selectors"));
    }

    @Test
    void aCachedPageStillFailsWhenThePageItLinksToIsGone() throws Exception {
        Files.delete(site.resolve("guides/start.md"));
        BuildResult again = Sites.build(site, out);
        assertFalse(again.ok());
        assertTrue(Sites.lines(again).contains("topics/web/html.md:15:95: link to missing page 'guides/start.md'"), Sites.lines(again).toString());
    }

    /** The titles of the pages a query finds, read from the search files of a built site as the browser would. */
    static List<String> search(Path out, String query) {
        dev.sitegen.search.Searcher searcher = new dev.sitegen.search.Searcher(p -> {
            try {
                return Files.readAllBytes(out.resolve("search").resolve(p));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return searcher.search(query, 10).stream().map(dev.sitegen.search.Searcher.Result::title).toList();
    }

    @Test
    void theSearchIndexOfAnIncrementalBuildIsTheSameAsOfAFullOne() throws Exception {
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("Selectors pick elements.", "Selectors pick elements like a sommelier."));
        BuildResult incremental = Sites.build(site, out);
        assertTrue(incremental.ok());
        assertTrue(incremental.reused() > 0);
        Path full = tmp.resolve("full");
        assertTrue(new SiteGenerator().build(new BuildRequest(site, full, null, false)).ok());
        try (var a = Files.walk(out.resolve("search")); var b = Files.walk(full.resolve("search"))) {
            List<String> left = a.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
            List<String> right = b.filter(Files::isRegularFile).map(p -> full.relativize(p).toString()).sorted().toList();
            assertEquals(right, left);
            for (String f : left) assertTrue(java.util.Arrays.equals(Files.readAllBytes(full.resolve(f)), Files.readAllBytes(out.resolve(f))), f);
        }
        assertEquals(List.of("CSS"), search(out, "sommelier"));
        assertEquals(List.of("HTML"), search(out, "element start tag"), "a page taken from the cache is still searchable");
    }

    @Test
    void theDevServersRebuildsKeepTheIndexUpToDate() throws Exception {
        SiteGenerator kept = new SiteGenerator();
        Path served = tmp.resolve("serve");
        assertTrue(kept.build(new BuildRequest(site, served, null, true, BuildRequest.Write.SWAP)).ok());
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("Selectors pick elements.", "Selectors pick elements like a sommelier."));
        assertTrue(kept.build(new BuildRequest(site, served, null, true, BuildRequest.Write.IN_PLACE)).ok());
        kept.writePendingIndex();
        assertEquals(List.of("CSS"), search(served, "sommelier"));
        assertEquals(List.of("HTML"), search(served, "element start tag"));
        try (var dirs = Files.list(served.resolve("search"))) {
            assertEquals(1, dirs.filter(Files::isDirectory).count(), "the previous index's files are gone");
        }
        Path shard;
        try (var walk = Files.walk(served.resolve("search"))) {
            shard = walk.filter(p -> p.getFileName().toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        Object before = fileKey(shard);
        assertTrue(kept.build(new BuildRequest(site, served, null, true, BuildRequest.Write.IN_PLACE)).ok());
        kept.writePendingIndex();
        assertEquals(before, fileKey(shard), "an index file with the same bytes is left as it was");
        assertEquals(List.of("CSS"), search(served, "sommelier"));
    }

    @Test
    void aThemeChangeRendersEveryPage() throws Exception {
        Files.createDirectories(site.resolve("theme/assets/css"));
        Files.writeString(site.resolve("theme/assets/css/site.css"), "body { color: black; }\n");
        BuildResult again = Sites.build(site, out);
        assertTrue(again.ok());
        assertEquals(0, again.reused());
    }

    @Test
    void aKeptGeneratorStillReportsTheProblemsOfFilesItDidNotParseAgain() throws Exception {
        SiteGenerator kept = new SiteGenerator();
        Path tailwind = site.resolve("topics/web/tailwind.md");
        Files.writeString(tailwind, Files.readString(tailwind).replace("updated: 2026-11-21", "updated: someday"));
        BuildResult first = kept.build(new BuildRequest(site, out, null, true, BuildRequest.Write.IN_PLACE));
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css) + "\nMore.\n");
        BuildResult second = kept.build(new BuildRequest(site, out, null, true, BuildRequest.Write.IN_PLACE));
        assertEquals(Sites.lines(first), Sites.lines(second));
        assertEquals(List.of("topics/web/tailwind.md:4:10: 'updated' is 'someday', not a date; write it as YYYY-MM-DD"), Sites.lines(second));
    }

    @Test
    void withoutTheCacheEveryPageIsRendered() {
        BuildResult again = new SiteGenerator().build(new BuildRequest(site, out, null, false));
        assertTrue(again.ok());
        assertEquals(0, again.reused());
    }
}
