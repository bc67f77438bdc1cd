package dev.sitegen.search;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.SiteGenerator;
import dev.sitegen.browser.Browser;
import dev.sitegen.browser.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search interface in a real headless Chromium, on the example site served under {@code default-src 'self'}:
 * the palette opens by keyboard, finds a topic through a typo and opens it; the index's box narrows the roadmap cards;
 * search.js ranks a few queries as the Java {@link Searcher} does; and the page logs no CSP violation.
 */
class SearchBrowserTest {
    @TempDir
    static Path tmp;
    static StaticServer server;
    static StaticServer hostile;
    static StaticServer large;
    static Browser browser;
    static WebDriver driver;
    static Searcher java;
    static Searcher largeJava;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        Path out = tmp.resolve("site");
        server = StaticServer.serve(out);
        BuildResult result = new SiteGenerator().build(new BuildRequest(Path.of("..", "content"), out, server.baseUrl()));
        assertTrue(result.ok(), result.problems().toString());
        Path hostileOut = tmp.resolve("hostile");
        hostile = StaticServer.serve(hostileOut);
        BuildResult hostileResult = new SiteGenerator().build(new BuildRequest(Path.of("src", "test", "resources", "sites", "search-hostile"),
                hostileOut, hostile.baseUrl()));
        assertTrue(hostileResult.ok(), hostileResult.problems().toString());
        java = new Searcher(p -> {
            try {
                return Files.readAllBytes(out.resolve("search").resolve(p));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // The example site's pages with the index of a larger site in place of its own: 250 pages, four a document file.
        Path largeOut = tmp.resolve("large");
        large = StaticServer.serve(largeOut);
        try (var walk = Files.walk(out)) {
            for (Path p : walk.toList()) {
                String rel = out.relativize(p).toString();
                if (rel.equals("search") || rel.startsWith("search/")) continue;
                if (Files.isDirectory(p)) Files.createDirectories(largeOut.resolve(rel));
                else Files.copy(p, largeOut.resolve(rel));
            }
        }
        java.util.Map<String, byte[]> largeIndex = SearchIndex.of(SearchIndexTest.largeSite()).files();
        for (var file : largeIndex.entrySet()) {
            Files.createDirectories(largeOut.resolve(file.getKey()).getParent());
            Files.write(largeOut.resolve(file.getKey()), file.getValue());
        }
        largeJava = new Searcher(p -> largeIndex.get("search/" + p));

        browser = Browser.start(tmp.resolve("profile"), 1200, 900);
        driver = browser.driver;
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
        if (hostile != null) hostile.close();
        if (large != null) large.close();
    }

    private static WebDriverWait waiting() {
        return browser.waiting();
    }

    private static WebElement openPalette(String how) {
        WebElement body = driver.findElement(By.tagName("body"));
        waiting().until(d -> !d.findElements(By.cssSelector("[data-search-open]")).isEmpty()
                && d.findElement(By.cssSelector("[data-search-open]")).isDisplayed());
        if (how.equals("/")) {
            body.sendKeys("/");
        } else {
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        }
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.search-palette input[role=combobox]")));
    }

    /** The result titles in one go (the list is rebuilt as results arrive, so elements found earlier may be gone). */
    @SuppressWarnings("unchecked")
    private static List<String> titles(String listSelector) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)",
                listSelector + " [role=option] .search-result-title");
    }

    @Test
    void paletteOpensByKeyboardFindsATopicByATypoAndOpensIt() {
        driver.get(server.baseUrl() + "backend/git/");
        WebElement input = openPalette("ctrl+k");
        assertEquals(input, driver.switchTo().activeElement(), "the search field has the focus");
        input.sendKeys("cachng");
        waiting().until(d -> !titles("dialog.search-palette").isEmpty());
        assertEquals("HTTP caching", titles("dialog.search-palette").get(0));
        String status = driver.findElement(By.cssSelector("dialog.search-palette [role=status]")).getText();
        assertTrue(status.matches("\\d+ results.*"), status);
        assertEquals("true", input.getAttribute("aria-expanded"));
        // A marked match in the snippet, made by search.js as a <mark> element.
        assertTrue(driver.findElements(By.cssSelector("dialog.search-palette [role=option] mark")).size() > 0);

        input.sendKeys(Keys.ARROW_DOWN);
        WebElement first = driver.findElement(By.cssSelector("dialog.search-palette [role=option]"));
        assertEquals(first.getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", first.getAttribute("aria-selected"));
        input.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/backend/http-caching/"));
        assertEquals("HTTP caching", driver.findElement(By.tagName("h1")).getText());
    }

    @Test
    void slashOpensThePaletteAndEscapeClosesIt() {
        driver.get(server.baseUrl() + "databases/");
        WebElement input = openPalette("/");
        input.sendKeys("owasp");
        waiting().until(d -> !titles("dialog.search-palette").isEmpty());
        assertEquals("Web security and the OWASP Top Ten", titles("dialog.search-palette").get(0));
        input.sendKeys(Keys.ESCAPE);
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.search-palette")));
    }

    @Test
    void theIndexSearchBoxNarrowsTheRoadmapCards() {
        driver.get(server.baseUrl());
        WebElement input = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("roadmap-search")));
        assertEquals(3, visibleCards().size());
        input.sendKeys("owasp");
        waiting().until(d -> visibleCards().size() == 1);
        assertEquals(List.of("backend"), visibleCards());
        waiting().until(d -> !titles(".search-inline").isEmpty());
        assertEquals("Web security and the OWASP Top Ten", titles(".search-inline").get(0));
        input.clear();
        input.sendKeys("xyzzy");
        waiting().until(d -> visibleCards().isEmpty());
        assertEquals("No results", driver.findElement(By.cssSelector(".search-inline [role=status]")).getText());
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waiting().until(d -> visibleCards().size() == 3);
    }

    private static List<String> visibleCards() {
        return driver.findElements(By.cssSelector("#roadmap-cards li.card")).stream().filter(WebElement::isDisplayed)
                .map(c -> c.getAttribute("data-roadmap")).toList();
    }

    @Test
    void searchJsRanksLikeTheJavaSearcher() {
        driver.get(server.baseUrl() + "guides/");
        WebElement input = openPalette("ctrl+k");
        for (String query : List.of("owasp", "grap", "query plan", "password hashing", "replicaton", "connection pool")) {
            List<String> expected = java.search(query, 8).stream().map(Searcher.Result::title).toList();
            input.clear();
            input.sendKeys(query);
            waiting().until(d -> titles("dialog.search-palette").equals(expected));
            assertEquals(expected, titles("dialog.search-palette"), query);
        }
    }

    @Test
    void onALargeSiteSearchJsReadsFourPagesADocumentFile() {
        driver.get(large.baseUrl() + "guides/");
        WebElement input = openPalette("ctrl+k");
        // First and last page of a file and of the site, pages sharing a file, pages in two files.
        java.util.Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
        pages.put(SearchIndexTest.word(0), List.of("Page 0"));
        pages.put(SearchIndexTest.word(3), List.of("Page 3"));
        pages.put(SearchIndexTest.word(4), List.of("Page 4"));
        pages.put(SearchIndexTest.word(249), List.of("Page 249"));
        pages.put("kestrel", List.of("Page 10", "Page 8", "Page 9"));
        pages.put("heron", List.of("Page 11", "Page 12"));
        for (var query : pages.entrySet()) {
            List<String> expected = largeJava.search(query.getKey(), 8).stream().map(Searcher.Result::title).toList();
            assertEquals(query.getValue(), expected.stream().sorted().toList(), "the Java searcher, " + query.getKey());
            input.clear();
            input.sendKeys(query.getKey());
            waiting().until(d -> titles("dialog.search-palette").equals(expected));
            assertEquals(expected, titles("dialog.search-palette"), query.getKey());
        }
    }

    @Test
    void hostileContentIsShownAsTextAndNeverRuns() {
        driver.get(hostile.baseUrl() + "web/evil/");
        String title = driver.getTitle();
        WebElement input = openPalette("ctrl+k");
        input.sendKeys("payload");
        waiting().until(d -> !titles("dialog.search-palette").isEmpty());
        assertEquals("Evil <img src=x onerror=\"document.title='pwned-title'\"> payload", titles("dialog.search-palette").get(0));
        String shown = driver.findElement(By.cssSelector("dialog.search-palette [role=listbox]")).getText();
        assertTrue(shown.contains("<img src=x onerror="), shown);
        assertEquals(List.of(), driver.findElements(By.cssSelector("dialog.search-palette [role=listbox] :is(img, script, svg, b, i, code)")),
                "markup from content is never made into elements");
        assertEquals(title, driver.getTitle(), "no script from the content ran");

        driver.get(hostile.baseUrl());
        WebElement box = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("roadmap-search")));
        box.sendKeys("pwned");
        waiting().until(d -> !titles(".search-inline").isEmpty());
        assertEquals(List.of(), driver.findElements(By.cssSelector(".search-inline [role=listbox] :is(img, script, svg, b, i)")));
        assertTrue(!driver.getTitle().contains("pwned"), driver.getTitle());
    }

    @Test
    void theWordSplitterAndStemmerMatchTheirJavaTwins() throws Exception {
        driver.get(server.baseUrl());
        StringBuilder text = new StringBuilder("Café-Crème naïve ΣΊΣΥΦΟΣ 東京 x²y İstanbul constructor __proto__ toString HTTP/2 node.js C#\n");
        try (var files = Files.walk(Path.of("..", "content"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) text.append(Files.readString(p)).append('\n');
        }
        List<String> javaWords = Tokenizer.words(text.toString());
        List<String> vocabulary = new java.util.ArrayList<>(new java.util.TreeSet<>(javaWords));
        vocabulary.addAll(List.of("caresses", "ponies", "ties", "generously", "communication", "skies", "dying", "succeeding",
                "knackeries", "consolatory", "yelling", "eyed", "cried", "responsibilities", "organizational", "rationalization"));
        assertEquals(javaWords, searchModule("return m.words(text)", text.toString()));
        assertEquals(vocabulary.stream().map(Stemmer::stem).toList(), searchModule("return text.map(w => m.stem(w))", vocabulary));
    }

    /**
     * Runs {@code body} with {@code m}, the page's search module (the one its script tag loads, under its hashed name),
     * and {@code text}, the argument: the module exports its word splitter and stemmer rather than putting them on window.
     */
    private static Object searchModule(String body, Object text) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                const [text, done] = arguments;
                import(document.querySelector('script[type=module][src*="/assets/js/search."]').src)
                    .then(m => { %s; }).then(done, e => done('failed: ' + e));
                """.formatted(body), text);
    }

    @Test
    void noContentSecurityPolicyViolations() {
        driver.get(server.baseUrl() + "backend/http/");
        openPalette("ctrl+k").sendKeys("redis");
        waiting().until(d -> !titles("dialog.search-palette").isEmpty());
        var violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> !e.getMessage().contains("favicon.ico")) // no favicon: not a search matter
                .filter(e -> e.getMessage().contains("Content Security Policy") || e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(Object::toString).toList();
        assertEquals(List.of(), violations);
    }
}
