package dev.sitegen.render;

import dev.sitegen.SiteGenerator;
import dev.sitegen.Sites;
import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scripts are published under a hash of their bytes, and the relative imports between them are rewritten to those
 * names first: each test builds the minimal site with a few scripts of its own in {@code theme/assets/js/} and reads
 * the files written.
 */
class AssetsTest {
    @TempDir
    Path tmp;

    private Path site() {
        return Sites.copy(Sites.fixture("minimal"), tmp.resolve("content"));
    }

    private static void script(Path site, String name, String text) throws IOException {
        Path file = site.resolve("theme/assets/js").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private BuildResult build(Path site, String out) {
        return new SiteGenerator().build(new BuildRequest(site, tmp.resolve(out), "https://example.org/learn/"));
    }

    /** The one file written for a theme script ({@code js/lib/shapes.js} → {@code assets/js/lib/shapes.<hash>.js}). */
    private Path written(String out, String name) throws IOException {
        Path dir = tmp.resolve(out).resolve("assets/js").resolve(name).getParent();
        String stem = Path.of(name).getFileName().toString().replace(".js", "");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches(Pattern.quote(stem) + "\\.[0-9a-f]{10}\\.js")).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private static String hash(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
    }

    @Test
    void importsNameThePublishedFilesAndTheImportersHashIsTakenAfterwards() throws Exception {
        Path site = site();
        script(site, "app.js", """
                import {shapes} from './lib/shapes.js';
                export * from "./words.js";
                import './effects.js';
                const later = () => import( './words.js');
                // Array.from('./words.js') is no import: left as it is.
                """);
        script(site, "lib/shapes.js", "import {words} from '../words.js';\nexport const shapes = words;\n");
        script(site, "words.js", "export const words = [];\n");
        script(site, "effects.js", "document.title = 'x';\n");
        BuildResult result = build(site, "out");
        assertTrue(result.ok(), result.problems().toString());

        String words = written("out", "words.js").getFileName().toString();
        String shapes = written("out", "lib/shapes.js").getFileName().toString();
        String effects = written("out", "effects.js").getFileName().toString();
        Path app = written("out", "app.js");
        assertEquals("import {words} from '../" + words + "';\nexport const shapes = words;\n",
                Files.readString(written("out", "lib/shapes.js")));
        assertEquals("import {shapes} from './lib/" + shapes + "';\n"
                + "export * from \"./" + words + "\";\n"
                + "import './" + effects + "';\n"
                + "const later = () => import( './" + words + "');\n"
                + "// Array.from('./words.js') is no import: left as it is.\n", Files.readString(app));
        assertEquals("app." + hash(Files.readAllBytes(app)) + ".js", app.getFileName().toString(), "the hash of the bytes written");
        assertEquals("effects." + hash("document.title = 'x';\n".getBytes()) + ".js", effects, "a script without imports keeps its bytes");
    }

    @Test
    void aPageNamesEveryModuleItsScriptsImportOnceAsAPreloadButNotDynamicImports() throws Exception {
        Path site = site();
        // The theme's own site.js and search.js replaced: both need words.js, only site.js loads lazy.js.
        script(site, "site.js", "import {shapes} from './shapes.js';\nconst later = () => import('./lazy.js');\n");
        script(site, "search.js", "import {words} from './words.js';\n");
        script(site, "shapes.js", "import {words} from './words.js';\nexport const shapes = words;\n");
        script(site, "words.js", "export const words = [];\n");
        script(site, "lazy.js", "export const lazy = 1;\n");
        assertTrue(build(site, "out").ok());

        String page = Files.readString(tmp.resolve("out/guides/index.html")); // site.js and search.js only
        Matcher m = Pattern.compile("<link rel=\"modulepreload\" href=\"/learn/assets/js/([^\"]+)\">").matcher(page);
        List<String> preloaded = new ArrayList<>();
        while (m.find()) preloaded.add(m.group(1));
        assertEquals(List.of(written("out", "shapes.js").getFileName().toString(), written("out", "words.js").getFileName().toString()),
                preloaded, "in the order first met, each once; lazy.js is left to load when asked for");
    }

    @Test
    void aChangedModuleRenamesItsImportersAndOnlyThem() throws Exception {
        Path site = site();
        script(site, "app.js", "import {shapes} from './shapes.js';\n");
        script(site, "shapes.js", "import {words} from './words.js';\nexport const shapes = words;\n");
        script(site, "words.js", "export const words = [];\n");
        script(site, "other.js", "export const other = 1;\n");
        assertTrue(build(site, "first").ok());
        script(site, "words.js", "export const words = ['changed'];\n");
        assertTrue(build(site, "second").ok());

        for (String name : List.of("words.js", "shapes.js", "app.js")) {
            assertNotEquals(written("first", name).getFileName(), written("second", name).getFileName(), name + " is renamed");
        }
        assertEquals(written("first", "other.js").getFileName(), written("second", "other.js").getFileName());
    }

    @Test
    void anImportCycleIsReportedWhereItCloses() throws Exception {
        Path site = site();
        script(site, "a.js", "import {b} from './b.js';\nexport const a = 1;\n");
        script(site, "b.js", "export const b = 2;\nimport {c} from './c.js';\n");
        script(site, "c.js", "import {a} from './a.js';\n");
        script(site, "self.js", "export const x = 1;\nconst me = () => import('./self.js');\n");
        BuildResult result = build(site, "out");
        assertFalse(result.ok());
        assertEquals(List.of(
                "theme/assets/js/c.js:1:17: import cycle: js/a.js → js/b.js → js/c.js → js/a.js; a module must not import itself, even through others",
                "theme/assets/js/self.js:2:25: import cycle: js/self.js → js/self.js; a module must not import itself, even through others"),
                result.problems().stream().map(Object::toString).toList());
    }

    @Test
    void anImportOfAFileTheThemeLacksIsReported() throws Exception {
        Path site = site();
        script(site, "app.js", "// The app.\nimport {x} from './nope.js';\nimport '../../../outside.js';\n");
        BuildResult result = build(site, "out");
        assertEquals(List.of(
                "theme/assets/js/app.js:2:17: import './nope.js' names no file of the theme (assets/js/nope.js)",
                "theme/assets/js/app.js:3:8: import '../../../outside.js' names no file of the theme"),
                result.problems().stream().map(Object::toString).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "js/progress.js, ./store.js,        js/store.js",
            "js/progress.js, ./lib/store.js,    js/lib/store.js",
            "js/lib/a.js,    ../store.js,       js/store.js",
            "js/a.js,        ../css/x.css,      css/x.css",
            "js/a.js,        ./././b.js,        js/b.js",
            "js/a.js,        ../../b.js,        ",
    })
    void aSpecifierNamesAFileFromTheImportersFolder(String importer, String specifier, String expected) {
        assertEquals(expected, Assets.resolve(importer, specifier));
    }

    /** The default theme's own modules: each relative import in what the example site publishes names a file written. */
    @Test
    void everyImportOfThePublishedThemeNamesAPublishedFile() throws Exception {
        BuildResult result = new SiteGenerator().build(new BuildRequest(Path.of("..", "content"), tmp.resolve("example"), "https://example.org/learn/"));
        assertTrue(result.ok(), result.problems().toString());
        Pattern specifier = Pattern.compile("(?:from\\s*|import\\s*\\(?\\s*)['\"](\\.{1,2}/[^'\"]+)['\"]");
        int imports = 0;
        try (Stream<Path> files = Files.walk(tmp.resolve("example/assets/js"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher m = specifier.matcher(Files.readString(file));
                while (m.find()) {
                    imports++;
                    assertTrue(m.group(1).matches("\\./[a-z]+\\.[0-9a-f]{10}\\.js"), file + " imports " + m.group(1));
                    assertTrue(Files.isRegularFile(file.resolveSibling(m.group(1)).normalize()), file + " imports " + m.group(1));
                }
            }
        }
        assertTrue(imports > 20, imports + " imports");
    }
}
