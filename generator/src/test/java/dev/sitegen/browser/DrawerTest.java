package dev.sitegen.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The topic drawer on a wide screen: opened from the diagram by keyboard and mouse, closed by Esc and Back with focus
 * back on the node, a shareable URL while it is open, modified clicks and narrow screens left to the browser.
 */
class DrawerTest extends ExampleSiteBrowserTest {
    @BeforeEach
    void wideRoadmapPage() {
        browser.driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.open(site.url("backend/"));
        browser.clearStorage();
        browser.open(site.url("backend/"));
    }

    @Test
    void enterOnANodeOpensTheTopicAndEscapeReturnsFocusToTheNode() {
        WebElement node = node("http");
        browser.script("arguments[0].focus()", node);

        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();

        WebElement drawer = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.drawer")));
        assertEquals("How HTTP works", drawer.findElement(By.cssSelector("article.topic h1")).getText());
        assertEquals(site.url("backend/http/"), browser.driver.getCurrentUrl(), "the address is the topic's own, to share");
        assertTrue((Boolean) browser.script("return arguments[0].contains(document.activeElement)", drawer), "focus moved into the drawer");
        assertEquals("How HTTP works", browser.script("return document.getElementById(arguments[0].getAttribute('aria-labelledby')).textContent", drawer));

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();

        browser.waiting().until(ExpectedConditions.invisibilityOf(drawer));
        browser.waiting().until(ExpectedConditions.urlToBe(site.url("backend/")));
        assertEquals("http", browser.driver.switchTo().activeElement().getDomAttribute("data-node"));
    }

    @Test
    void backClosesTheDrawerForwardReopensItAndItsUrlLoadsTheTopicPage() {
        node("python").click();
        WebElement drawer = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.drawer")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElement(drawer, "Python"));
        String topicUrl = browser.driver.getCurrentUrl();
        assertEquals(site.url("backend/python/"), topicUrl);

        browser.driver.navigate().back();
        browser.waiting().until(ExpectedConditions.invisibilityOf(drawer));
        assertEquals(site.url("backend/"), browser.driver.getCurrentUrl());

        browser.driver.navigate().forward();
        browser.waiting().until(ExpectedConditions.visibilityOf(drawer));
        browser.waiting().until(d -> "Python".equals(drawer.findElement(By.cssSelector("article.topic h1")).getText()));

        browser.open(topicUrl);
        assertEquals("Python", browser.driver.findElement(By.cssSelector("main article.topic h1")).getText());
        assertTrue(browser.driver.findElements(By.cssSelector("dialog.drawer")).isEmpty(), "a topic page has no drawer");
    }

    @Test
    void theDrawerMarksProgressAndStepsThroughTheRoadmap() {
        node("git").click();
        WebElement drawer = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.drawer")));
        WebElement done = drawer.findElement(By.cssSelector(".progress-buttons button[data-state=done]"));

        done.click();

        browser.waiting().until(d -> "true".equals(done.getAttribute("aria-pressed")));
        drawer.findElement(By.cssSelector("button.drawer-step[data-step='1']")).click();
        browser.waiting().until(d -> "HTML".equals(drawer.findElement(By.cssSelector("article.topic h1")).getText()));
        assertEquals(site.url("frontend/html/"), browser.driver.getCurrentUrl(), "a topic shared with another roadmap has its page there");

        drawer.findElement(By.cssSelector("button.drawer-close")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOf(drawer));
        browser.waiting().until(ExpectedConditions.urlToBe(site.url("backend/")));
        assertEquals("html", browser.driver.switchTo().activeElement().getDomAttribute("data-node"),
                "focus lands on the topic the reader ended on");
        assertEquals("Step 3: Git and version control (Basics), done", node("git").getDomAttribute("aria-label"));
        assertEquals("1 done", browser.driver.findElement(By.cssSelector(".count-done")).getText());
    }

    @Test
    void aTopicLinkInTheDrawerStaysInTheDrawerAndOpenAsPageLeavesIt() {
        node("http").click();
        WebElement drawer = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.drawer")));
        WebElement unlocks = browser.waiting().until(d -> drawer.findElement(By.xpath(
                ".//section[contains(@class,'relations')]//h2[.='This unlocks']/following-sibling::ul//a[.='REST APIs']")));

        unlocks.click();

        browser.waiting().until(d -> "REST APIs".equals(drawer.findElement(By.cssSelector("article.topic h1")).getText()));
        assertEquals(site.url("backend/rest/"), browser.driver.getCurrentUrl());
        drawer.findElement(By.cssSelector("a.drawer-full")).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(drawer));
        browser.waitForScripts();
        assertEquals(site.url("backend/rest/"), browser.driver.getCurrentUrl());
        assertEquals("REST APIs", browser.driver.findElement(By.cssSelector("main article.topic h1")).getText());
    }

    @Test
    void aControlClickOpensANewTabInsteadOfTheDrawer() {
        String roadmapTab = browser.driver.getWindowHandle();

        new Actions(browser.driver).keyDown(Keys.CONTROL).click(node("http")).keyUp(Keys.CONTROL).perform();

        browser.waiting().until(ExpectedConditions.numberOfWindowsToBe(2));
        assertFalse(browser.driver.findElement(By.cssSelector("dialog.drawer")).isDisplayed());
        assertEquals(site.url("backend/"), browser.driver.getCurrentUrl());
        for (String handle : browser.driver.getWindowHandles()) {
            if (!handle.equals(roadmapTab)) browser.driver.switchTo().window(handle).close();
        }
        browser.driver.switchTo().window(roadmapTab);
    }

    @Test
    void onANarrowScreenANodeIsAPlainLink() {
        browser.driver.manage().window().setSize(new Dimension(900, 1000));
        browser.open(site.url("backend/"));

        node("http").click();

        browser.waiting().until(ExpectedConditions.urlToBe(site.url("backend/http/")));
        browser.waitForScripts();
        assertEquals("How HTTP works", browser.driver.findElement(By.cssSelector("main article.topic h1")).getText());
    }

    private static WebElement node(String id) {
        return browser.driver.findElement(By.cssSelector("svg.diagram a.node[data-node=" + id + "]"));
    }
}
