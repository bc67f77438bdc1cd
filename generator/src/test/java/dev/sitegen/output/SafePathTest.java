package dev.sitegen.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void leftoversOfAKilledBuildAreCleanedUp(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve(".site.123.tmp/x"));
        try (OutputDir out = OutputDir.begin(tmp.resolve("site"))) {
            out.commit();
        }
        assertFalse(Files.exists(tmp.resolve(".site.123.tmp")));
    }
}
