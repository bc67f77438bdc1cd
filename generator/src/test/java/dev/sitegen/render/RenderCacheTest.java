package dev.sitegen.render;

import dev.sitegen.content.SectionText;
import dev.sitegen.search.SearchDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The cache file read back: unchanged pages are taken, changed ones let go of their old entry, and the file says so. */
class RenderCacheTest {
    @TempDir
    Path tmp;

    private static RenderCache.Entry entry(String key) {
        return new RenderCache.Entry(key, Set.of("intro"), List.of(), Set.of("/b/"), List.of(new SectionText.Section("", "", "Some text.")));
    }

    private static final Set<String> PATHS = Set.of("/a/", "/b/");
    private static final long WRITTEN = 1_000_000;

    /** A cache file of pages /a/ (key k1) and /b/ (key k2), dated {@link #WRITTEN}. */
    private Path written() throws Exception {
        RenderCache first = RenderCache.empty();
        first.put("/a/", entry("k1"));
        first.put("/b/", entry("k2"));
        Path file = tmp.resolve(".site.cache");
        first.write(file, tmp);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(WRITTEN));
        return file;
    }

    @Test
    void unchangedPagesAreTakenAndAnUnchangedFileIsNotRewritten() throws Exception {
        Path file = written();
        RenderCache cache = RenderCache.read(file, tmp);
        for (String page : List.of("/a/", "/b/")) {
            RenderCache.Entry e = cache.reusable(page, page.equals("/a/") ? "k1" : "k2", PATHS);
            assertNotNull(e, page);
            cache.put(page, e);
        }
        cache.write(file, tmp);
        assertEquals(WRITTEN, Files.getLastModifiedTime(file).toMillis(), "every page reused: the file is left as it is");
    }

    @Test
    void aPageRenderedAnewLetsGoOfItsOldEntryAndTheFileIsRewritten() throws Exception {
        Path file = written();
        RenderCache cache = RenderCache.read(file, tmp);
        assertNull(cache.reusable("/a/", "changed", PATHS), "a changed key is not reused");
        // The old entry is gone: a build that renders every page again holds one set of entries, not two.
        assertNull(cache.reusable("/a/", "k1", PATHS), "the old entry was let go");
        cache.put("/a/", entry("changed"));
        RenderCache.Entry b = cache.reusable("/b/", "k2", PATHS);
        assertNotNull(b);
        cache.put("/b/", b);
        // A page whose old output is missing is let go too (Renderer forgets it), and the next file has what was built.
        cache.write(file, tmp);
        assertNotEquals(WRITTEN, Files.getLastModifiedTime(file).toMillis(), "a page changed: the file is rewritten");
        RenderCache next = RenderCache.read(file, tmp);
        assertNotNull(next.reusable("/a/", "changed", PATHS));
        assertNotNull(next.reusable("/b/", "k2", PATHS));
    }
}
