package dev.sitegen.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SafePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "a/b/index.html", "assets/css/site.0123456789.css", "img/dot.svg"})
    void safe(String path) {
        assertNull(SafePath.problem(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", "a//b", "./a", "a/\u0000b", "a b", ""})
    void unsafe(String path) {
        assertNotNull(SafePath.problem(path), path);
    }

    @Test
    void resolveRefusesToLeaveTheRoot(@TempDir Path root) {
        assertThrows(IllegalArgumentException.class, () -> SafePath.resolve(root, "../outside"));
    }

    @Test
    void unfinishedOutputIsThrownAwayAndTheTargetKept(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("site");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.html"), "old");
        try (OutputDir out = OutputDir.begin(target)) {
            out.write("new.html", "new".getBytes());
        }
        assertTrue(Files.exists(target.resolve("old.html")));
        assertFalse(Files.exists(target.resolve("new.html")));
        try (var list = Files.list(tmp)) {
            assertEquals(1, list.count());
        }
    }

    @Test
    void commitSwapsTheNewSiteIn(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("site");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.html"), "old");
        try (OutputDir out = OutputDir.begin(target)) {
            out.write("a/new.html", "new".getBytes());
            out.commit();
        }
        assertFalse(Files.exists(target.resolve("old.html")));
        assertEquals("new", Files.readString(target.resolve("a/new.html")));
    }

    @Test
    void aFewNewFilesAreMovedInAndFilesTakenFromElsewhereInTheTargetAreLinked(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("site");
        Files.createDirectories(target.resolve("search/v1"));
        Files.writeString(target.resolve("page.html"), "kept");
        Files.writeString(target.resolve("other.html"), "kept too");
        Files.writeString(target.resolve("search/v1/a.bin"), "unchanged");
        Files.writeString(target.resolve("search/v1/b.bin"), "old");
        Files.writeString(target.resolve("search/index.json"), "v1");
        Object folder = fileKey(target);
        Object unchanged = fileKey(target.resolve("search/v1/a.bin"));
        try (OutputDir out = OutputDir.begin(target)) {
            out.reuse("page.html", target.resolve("page.html"));
            out.reuse("other.html", target.resolve("other.html"));
            out.reuse("search/v2/a.bin", target.resolve("search/v1/a.bin"));
            out.write("search/v2/b.bin", "new".getBytes());
            out.write("search/index.json", "v2".getBytes());
            out.commit();
        }
        assertEquals(folder, fileKey(target), "updated file by file, not swapped");
        assertEquals(unchanged, fileKey(target.resolve("search/v2/a.bin")), "linked, not copied");
        assertEquals("unchanged", Files.readString(target.resolve("search/v2/a.bin")));
        assertEquals("new", Files.readString(target.resolve("search/v2/b.bin")));
        assertEquals("v2", Files.readString(target.resolve("search/index.json")));
        assertFalse(Files.exists(target.resolve("search/v1")), "the old version's folder is gone");
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("site"), left.map(p -> p.getFileName().toString()).toList(), "no temporary folder left");
        }
    }

    private static Object fileKey(Path p) throws java.io.IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    @Test
    void leftoversOfAKilledBuildAreCleanedUp(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve(".site.123.tmp/x"));
        try (OutputDir out = OutputDir.begin(tmp.resolve("site"))) {
            out.commit();
        }
        assertFalse(Files.exists(tmp.resolve(".site.123.tmp")));
    }
}
