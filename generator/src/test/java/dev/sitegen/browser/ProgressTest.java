package dev.sitegen.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress on the example site's backend roadmap, as a reader uses it: marking topics from the list, the diagram and a
 * topic page, the counts and "next up" that follow, reloading, exporting to a file and importing it into a second
 * browser with an empty profile, and resetting.
 */
class ProgressTest extends ExampleSiteBrowserTest {
    @BeforeEach
    void freshStorage() {
        browser.open(site.url("backend/"));
        browser.clearStorage();
        browser.open(site.url("backend/"));
    }

    @Test
    void marksFromTheListAreCountedAndSurviveAReload() {
        assertEquals(List.of("How the internet works", "Git and version control"), nextUp(browser), "no prerequisites: ready to start");
        showList(browser);

        mark(browser, "internet", "Done");
        mark(browser, "git", "In progress");
        mark(browser, "css", "Skipped");

        waitForCounts(browser, "1 done", "1 in progress", "1 skipped");
        assertEquals("3% done", text(browser, ".progress-percent"));
        assertEquals("30 topics", text(browser, ".count-total"));
        assertEquals(List.of("HTTP", "Git and version control", "HTML"), nextUp(browser), "internet done: what needs only it is next");
        assertEquals("CSS: skipped. Next up: HTTP, Git and version control, HTML.", text(browser, ".progress-message"),
                "the status line (a live region) says what the last mark changed");

        browser.reload();

        waitForCounts(browser, "1 done", "1 in progress", "1 skipped");
        assertEquals("Done", new Select(picker(browser, "internet")).getFirstSelectedOption().getText());
        assertEquals("In progress", new Select(picker(browser, "git")).getFirstSelectedOption().getText());
        assertEquals(List.of("HTTP", "Git and version control", "HTML"), nextUp(browser));
        WebElement node = browser.driver.findElement(By.cssSelector("svg.diagram a.node[data-node=internet]"));
        assertEquals("Step 1: How the internet works (Basics), done", node.getAttribute("aria-label"));
        assertEquals("done", node.findElement(By.cssSelector(".node-mark")).getAttribute("data-kind"), "an icon, not only a colour");
        assertEquals("Step 2: HTTP (Basics), next up",
                browser.driver.findElement(By.cssSelector("a.node[data-node=http]")).getAttribute("aria-label"));
    }

    @Test
    void oneOptionOfAPickOneGroupIsEnoughAndTheOthersLeaveNextUp() {
        showList(browser);
        for (String id : List.of("internet", "http", "html", "git", "javascript")) mark(browser, id, "Done");
        waitForCounts(browser, "5 done", "0 in progress", "0 skipped");
        assertTrue(nextUp(browser).containsAll(List.of("Python", "Node.js", "PHP", "C#")), nextUp(browser).toString());

        mark(browser, "python", "Done");

        browser.waiting().until(d -> nextUp(browser).contains("Relational databases"));
        List<String> next = nextUp(browser);
        assertTrue(next.contains("Data structures and algorithms"), next.toString());
        assertTrue(next.stream().noneMatch(List.of("Node.js", "PHP", "C#")::contains), "the other languages are not next: " + next);
    }

    @Test
    void theDiagramNodeToolbarMarksByKeyboardAndNodesStayLinks() {
        WebElement node = browser.driver.findElement(By.cssSelector("svg.diagram a.node[data-node=git]"));
        assertEquals("/backend/git/", node.getDomAttribute("href"));
        browser.script("arguments[0].focus()", node);
        WebElement toolbar = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".node-tools")));
        assertEquals("Your progress on Git and version control",
                toolbar.findElement(By.cssSelector("[role=group]")).getAttribute("aria-label"));

        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        WebElement done = browser.driver.switchTo().activeElement();
        assertEquals("Done", done.getText(), "Tab goes from the node into its toolbar");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();

        browser.waiting().until(d -> "true".equals(done.getAttribute("aria-pressed")));
        waitForCounts(browser, "1 done", "0 in progress", "0 skipped");
        assertEquals("Step 3: Git and version control (Basics), done", node.getAttribute("aria-label"));

        new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals("git", browser.driver.switchTo().activeElement().getAttribute("data-node"), "Shift+Tab goes back to the node");
    }

    @Test
    void aTopicPageMarksItsTopicForTheRoadmapAndTheIndexShowsIt() {
        browser.open(site.url("backend/http/"));
        WebElement group = browser.driver.findElement(By.cssSelector("article.topic .page-head .progress-buttons"));
        assertEquals("Your progress on How HTTP works", group.getAttribute("aria-label"));
        WebElement doing = group.findElement(By.cssSelector("button[data-state=doing]"));
        assertEquals("In progress", doing.getText());

        doing.click();

        assertEquals("true", doing.getAttribute("aria-pressed"));
        browser.open(site.url(""));
        assertEquals("Your progress: 0 of 30 done, 1 in progress", text(browser, "li.card[data-roadmap=backend] .card-progress"));
        assertTrue(browser.driver.findElements(By.cssSelector("li.card[data-roadmap=frontend] .card-progress")).isEmpty());
        browser.open(site.url("backend/"));
        waitForCounts(browser, "0 done", "1 in progress", "0 skipped");
        assertEquals("Step 2: HTTP (Basics), in progress",
                browser.driver.findElement(By.cssSelector("a.node[data-node=http]")).getAttribute("aria-label"));
    }

    @Test
    void exportedProgressImportsIntoAnotherBrowser() throws IOException {
        showList(browser);
        mark(browser, "internet", "Done");
        mark(browser, "git", "In progress");
        waitForCounts(browser, "1 done", "1 in progress", "0 skipped");

        browser.driver.findElement(By.cssSelector(".progress-panel button[data-action=export]")).click();

        Path exported = new FluentWait<>(browser.downloads).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
                .until(dir -> finishedDownload(dir, "progress-backend-"));
        JsonNode json = new ObjectMapper().readTree(exported.toFile());
        assertEquals("site-gen-progress", json.get("format").asText());
        assertEquals("backend", json.get("roadmap").asText());
        assertEquals(Map.of("internet", "done", "git", "doing"), new ObjectMapper().convertValue(json.get("progress"), Map.class));
        assertTrue(text(browser, ".progress-message").startsWith("Exported 2 marked topics to progress-backend-"));

        // The file as another browser gets it, plus a topic this roadmap does not have.
        ((ObjectNode) json.get("progress")).put("no-such-topic", "done");
        Path edited = tmp.resolve("progress.json");
        new ObjectMapper().writeValue(edited.toFile(), json);
        try (Browser other = Browser.start(tmp.resolve("other-profile"), 1280, 1000)) {
            other.open(site.url("backend/"));
            waitForCounts(other, "0 done", "0 in progress", "0 skipped");

            other.driver.findElement(By.cssSelector(".progress-panel input[type=file]")).sendKeys(edited.toString());

            other.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".progress-message"),
                    "Imported 2 marked topics from “progress.json”. Ignored 1 topic not on this roadmap."));
            waitForCounts(other, "1 done", "1 in progress", "0 skipped");
            other.reload();
            waitForCounts(other, "1 done", "1 in progress", "0 skipped");
            assertEquals(List.of(), other.consoleErrors());
        }
    }

    @Test
    void aFileThatIsNotAProgressExportIsRefusedWithAMessage() throws IOException {
        showList(browser);
        mark(browser, "internet", "Done");
        Path notJson = Files.writeString(tmp.resolve("notes.json"), "{ this is not json");
        Path otherRoadmap = Files.writeString(tmp.resolve("frontend.json"),
                "{\"format\": \"site-gen-progress\", \"roadmap\": \"frontend\", \"progress\": {\"html\": \"done\"}}");
        WebElement input = browser.driver.findElement(By.cssSelector(".progress-panel input[type=file]"));

        input.sendKeys(notJson.toString());
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".progress-message"),
                "Could not import “notes.json”: it is not a JSON file."));
        input.sendKeys(otherRoadmap.toString());
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".progress-message"),
                "it holds progress for the roadmap “frontend”, not this one."));

        assertTrue(browser.driver.findElement(By.cssSelector(".progress-message")).getAttribute("class").contains("is-error"));
        waitForCounts(browser, "1 done", "0 in progress", "0 skipped");
    }

    @Test
    void resetAsksFirstAndThenClearsEverything() {
        showList(browser);
        mark(browser, "internet", "Done");
        WebElement reset = browser.driver.findElement(By.cssSelector(".progress-panel button[data-action=reset]"));

        reset.click();
        Alert confirm = browser.waiting().until(ExpectedConditions.alertIsPresent());
        assertTrue(confirm.getText().startsWith("Reset your progress on “Backend Developer”?"), confirm.getText());
        confirm.dismiss();
        waitForCounts(browser, "1 done", "0 in progress", "0 skipped");

        reset.click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waitForCounts(browser, "0 done", "0 in progress", "0 skipped");
        browser.reload();
        waitForCounts(browser, "0 done", "0 in progress", "0 skipped");
        assertEquals("Not started", new Select(picker(browser, "internet")).getFirstSelectedOption().getText());
    }

    // ---- what a reader does and sees ----

    static void showList(Browser b) {
        b.driver.findElement(By.cssSelector(".view-toggle button[data-view=list]")).click();
        b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".outline")));
    }

    static WebElement picker(Browser b, String node) {
        return b.driver.findElement(By.cssSelector(".outline li[data-node=" + node + "] select.status-select"));
    }

    static void mark(Browser b, String node, String state) {
        new Select(picker(b, node)).selectByVisibleText(state);
    }

    static void waitForCounts(Browser b, String done, String doing, String skipped) {
        b.waiting().withMessage(() -> "counts shown: " + counts(b))
                .until(d -> List.of(done, doing, skipped).equals(counts(b)));
    }

    static List<String> counts(Browser b) {
        return List.of(text(b, ".count-done"), text(b, ".count-doing"), text(b, ".count-skipped"));
    }

    static List<String> nextUp(Browser b) {
        return b.driver.findElements(By.cssSelector(".next-up-list a .next-title")).stream().map(WebElement::getText).toList();
    }

    static String text(Browser b, String css) {
        return b.driver.findElement(By.cssSelector(css)).getText().trim();
    }

    /** The finished download whose name starts with {@code prefix}, or null while Chromium is still writing it. */
    static Path finishedDownload(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".json"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
