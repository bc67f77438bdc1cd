package dev.sitegen.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tests of the example site in a headless Chromium: the site is built and served, and the browser started, once per
 * test class (in a window of 1280×1000 unless the class says otherwise with {@link Window}); every test must leave the
 * browser's console without errors. A subclass's own {@code @BeforeAll} and {@code @AfterEach} run after the start and
 * before the console check.
 */
abstract class ExampleSiteBrowserTest {
    /** The window a test class needs, when not the default 1280×1000. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Window {
        int width();

        int height();
    }

    @TempDir
    static Path tmp;
    static ExampleSite site;
    static Browser browser;

    @BeforeAll
    static void buildServeAndOpenBrowser(TestInfo test) {
        Browser.requireChromium();
        Window window = test.getTestClass().map(c -> c.getAnnotation(Window.class)).orElse(null);
        site = ExampleSite.buildAndServe(tmp.resolve("site"));
        browser = Browser.start(tmp.resolve("profile"), window == null ? 1280 : window.width(), window == null ? 1000 : window.height());
    }

    @AfterAll
    static void closeBrowserAndSite() {
        if (browser != null) browser.close();
        if (site != null) site.close();
        browser = null;
        site = null;
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors());
    }
}
