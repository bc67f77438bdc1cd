package dev.sitegen.browser;

import dev.sitegen.serve.Serve;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dev server in a real browser: an open page reloads after an edit; a broken edit shows its problems; a fix clears them. */
class ServeBrowserTest {
    @TempDir
    Path tmp;
    Path site;
    Serve serve;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        Browser.requireChromium();
        site = dev.sitegen.Sites.copy(dev.sitegen.Sites.fixture("minimal"), tmp.resolve("content"));
        serve = new Serve(site, tmp.resolve("serve"), "127.0.0.1", 0, new PrintStream(OutputStream.nullOutputStream()));
        serve.start();
        browser = Browser.start(tmp.resolve("profile"), 1200, 900);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) browser.close();
        if (serve != null) serve.close();
    }

    /** Opens a page and waits until its reload script listens, so that no event is missed. */
    void openAndListen(String path) {
        browser.open(serve.url() + path);
        browser.script("window.__notReloaded = true");
        browser.waiting().until(d -> serve.listeners() > 0);
    }

    @Test
    void anOpenPageReloadsAfterAnEdit() throws Exception {
        openAndListen("web/css/");
        Path css = site.resolve("topics/web/css.md");
        Files.writeString(css, Files.readString(css).replace("Selectors pick elements.", "Selectors pick elements, live."));
        browser.waiting().until(d -> browser.script("return window.__notReloaded === undefined && document.readyState === 'complete'"));
        assertTrue(browser.driver.findElement(By.cssSelector(".prose")).getText().contains("Selectors pick elements, live."));
    }

    @Test
    void aBrokenEditShowsTheProblemOverTheLastGoodPageAndAFixClearsIt() throws Exception {
        openAndListen("web/layout/");
        Path graph = site.resolve("roadmaps/web.yaml");
        String good = Files.readString(graph);
        Files.writeString(graph, good.replace("requires: [style]", "requires: [stlye]"));
        browser.waiting().until(d -> !d.findElements(By.id("site-gen-problems")).isEmpty());
        String overlay = browser.driver.findElement(By.id("site-gen-problems")).getText();
        assertTrue(overlay.contains("roadmaps/web.yaml:28:16: unknown prerequisite 'stlye' (did you mean 'style'?)"), overlay);
        assertEquals("alert", browser.driver.findElement(By.id("site-gen-problems")).getDomAttribute("role"));
        assertEquals("Page layout", browser.driver.findElement(By.cssSelector("h1")).getText(), "the last good page is underneath");

        Files.writeString(graph, good);
        browser.waiting().until(d -> browser.script("return window.__notReloaded === undefined && document.readyState === 'complete'"));
        assertTrue(browser.driver.findElements(By.id("site-gen-problems")).isEmpty());
        assertEquals(java.util.List.of(), browser.consoleErrors(), "the reload script works under the server's CSP");
    }
}
