package dev.sitegen.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core finds no serious or critical problem on the index, roadmap (both views, with progress, with the drawer open,
 * in dark mode) and topic pages; and no page breaks the {@code default-src 'self'} Content-Security-Policy.
 */
class AccessibilityTest extends ExampleSiteBrowserTest {
    static final String AXE = axeSource();

    /** Some progress, once for the class, so the marks, badges and "next up" are on the pages axe checks. */
    @BeforeAll
    static void markSomeProgress() {
        browser.open(site.url("backend/"));
        browser.driver.findElement(By.cssSelector(".view-toggle button[data-view=list]")).click();
        new Select(browser.driver.findElement(By.cssSelector("li[data-node=internet] select"))).selectByVisibleText("Done");
        new Select(browser.driver.findElement(By.cssSelector("li[data-node=git] select"))).selectByVisibleText("In progress");
        new Select(browser.driver.findElement(By.cssSelector("li[data-node=css] select"))).selectByVisibleText("Skipped");
        browser.driver.findElement(By.cssSelector(".view-toggle button[data-view=diagram]")).click();
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Every test starts in the light theme and the diagram view, whatever the one before chose. */
    @BeforeEach
    void lightThemeAndDiagramView() {
        browser.open(site.url(""));
        browser.script("localStorage.removeItem('site-gen:/:theme'); localStorage.removeItem('site-gen:/:view');");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "backend/", "backend/http/", "databases/sql/", "guides/how-to-become-a-backend-developer/", "backend/print/"})
    void pagesHaveNoSeriousAccessibilityProblems(String path) {
        browser.open(site.url(path));
        assertEquals(List.of(), seriousProblems());
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theListViewAndTheDarkThemeHaveNoSeriousAccessibilityProblems() {
        browser.open(site.url("backend/"));
        browser.driver.findElement(By.cssSelector(".view-toggle button[data-view=list]")).click();
        assertEquals(List.of(), seriousProblems(), "light, list");
        browser.driver.findElement(By.cssSelector(".theme-toggle")).click();
        assertEquals("dark", browser.driver.findElement(By.tagName("html")).getDomAttribute("data-theme"));
        assertEquals(List.of(), seriousProblems(), "dark, list");
        browser.driver.findElement(By.cssSelector(".view-toggle button[data-view=diagram]")).click();
        assertEquals(List.of(), seriousProblems(), "dark, diagram");
        browser.open(site.url("backend/http/"));
        assertEquals(List.of(), seriousProblems(), "dark, topic");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theOpenDrawerAndTheNodeToolbarHaveNoSeriousAccessibilityProblems() {
        browser.open(site.url("backend/"));
        WebElement node = browser.driver.findElement(By.cssSelector("svg.diagram a.node[data-node=http]"));
        browser.script("arguments[0].focus()", node);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".node-tools")));
        assertEquals(List.of(), seriousProblems(), "node toolbar");

        node.click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.drawer article.topic")));
        assertEquals(List.of(), seriousProblems(), "drawer");
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** The policy check below is only worth something if a violation shows up in it. */
    @Test
    void aViolationOfThePolicyWouldBeNoticed() {
        browser.open(site.url("backend/"));
        browser.script("document.body.setAttribute('style', 'outline: 1px solid red')");
        List<String> seen = new ArrayList<>();
        browser.waiting().until(d -> seen.addAll(browser.consoleErrors()) && !seen.isEmpty());
        assertTrue(seen.get(0).contains("Content Security Policy"), seen.toString());
    }

    @Test
    void everyKindOfPageAndEveryControlWorksUnderTheStrictPolicy() {
        for (String path : List.of("", "guides/", "guides/how-to-become-a-backend-developer/", "backend/print/", "databases/sql/", "frontend/")) {
            browser.open(site.url(path));
            browser.driver.findElement(By.cssSelector(".theme-toggle")).click();
        }
        browser.open(site.url("backend/"));
        browser.driver.findElement(By.cssSelector(".diagram-tools button[title='Zoom in']")).click();
        browser.driver.findElement(By.cssSelector(".diagram-tools button[title='Fit to width']")).click();
        browser.driver.findElement(By.cssSelector("svg.diagram a.node[data-node=sql]")).click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.drawer article.topic")));
        browser.driver.findElement(By.cssSelector("dialog.drawer .drawer-close")).click();
        browser.driver.findElement(By.cssSelector(".progress-panel button[data-action=export]")).click();
        assertEquals(List.of(), browser.consoleErrors());
    }

    /** Runs axe-core on the page as it is now; returns its serious and critical findings, one line each. */
    private static List<String> seriousProblems() {
        browser.waitForAnimations();
        browser.script(AXE);
        String json = (String) browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done(JSON.stringify({error: String(e)})); });");
        assertNotNull(json);
        JsonNode violations;
        try {
            violations = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(violations.isArray(), json);
        List<String> found = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asText();
            if (!impact.equals("serious") && !impact.equals("critical")) continue;
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            found.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
        }
        return found;
    }

    private static String axeSource() {
        try (InputStream in = AccessibilityTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertNotNull(in, "axe.min.js is on the test classpath (com.deque.html.axe-core:selenium)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
