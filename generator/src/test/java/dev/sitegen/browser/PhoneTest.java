package dev.sitegen.browser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 375 × 800 phone screen: the outline is the default view, no page scrolls sideways, and the diagram zooms inside its box. */
@ExampleSiteBrowserTest.Window(width = 375, height = 800)
class PhoneTest extends ExampleSiteBrowserTest {
    @BeforeAll
    static void phoneViewport() {
        // A phone's viewport: the meta viewport applies and scrollbars overlay the page instead of taking 15 pixels.
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 800, "deviceScaleFactor", 2, "mobile", true));
    }

    @BeforeEach
    void firstVisit() {
        browser.open(site.url("backend/"));
        browser.clearStorage();
        browser.open(site.url("backend/"));
    }

    @Test
    void theRoadmapOpensAsAListWithItsProgressControls() {
        assertEquals(375L, (Long) browser.script("return document.documentElement.clientWidth"), "the viewport is a phone's");
        assertTrue(browser.driver.findElement(By.cssSelector(".outline")).isDisplayed());
        assertFalse(browser.driver.findElement(By.cssSelector(".roadmap-views")).isDisplayed());
        assertEquals("true", browser.driver.findElement(By.cssSelector(".view-toggle button[data-view=list]")).getDomAttribute("aria-pressed"));
        assertTrue(browser.driver.findElement(By.cssSelector(".outline li[data-node=http] .status-picker")).isDisplayed());
        assertTrue(browser.driver.findElement(By.cssSelector(".progress-panel")).isDisplayed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "backend/", "backend/http/", "databases/sql/", "guides/", "guides/how-to-become-a-backend-developer/",
            "backend/print/", "no-such-page/"})
    void noPageIsWiderThanTheScreen(String path) {
        browser.open(site.url(path));
        assertEquals(0L, (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                path + " scrolls sideways");
        // A missing page answers 404 on purpose; Chromium logs that.
        if (path.startsWith("no-such")) browser.consoleErrors();
    }

    @Test
    void theDiagramStartsFittedAndZoomsInsideItsOwnBox() {
        browser.driver.findElement(By.cssSelector(".view-toggle button[data-view=diagram]")).click();
        WebElement level = browser.driver.findElement(By.cssSelector(".diagram-tools .zoom-level"));
        int fitted = percent(level.getText());
        assertTrue(fitted < 100, "fitted to the screen: " + fitted + "%");
        assertEquals(0L, (Long) browser.script("var b = document.querySelector('.diagram-scroll'); return b.scrollWidth - b.clientWidth"),
                "the whole width is in view");

        WebElement zoomIn = browser.driver.findElement(By.cssSelector(".diagram-tools button[title='Zoom in']"));
        zoomIn.click();
        zoomIn.click();
        zoomIn.click();

        assertTrue(percent(level.getText()) > fitted, level.getText());
        assertTrue((Long) browser.script("var b = document.querySelector('.diagram-scroll'); return b.scrollWidth - b.clientWidth") > 0,
                "the diagram now scrolls inside its box");
        assertEquals(0L, (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                "but the page does not");
        assertEquals("manipulation", browser.script("return getComputedStyle(document.querySelector('.diagram-scroll')).touchAction"));
    }

    private static int percent(String text) {
        return Integer.parseInt(text.replace("%", "").trim());
    }
}
