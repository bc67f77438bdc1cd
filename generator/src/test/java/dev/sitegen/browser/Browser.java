package dev.sitegen.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium, driven by its own chromedriver (nothing is downloaded), with a fresh profile folder of
 * its own, so localStorage starts empty and two browsers do not share it. Without Chromium the tests are skipped,
 * except on CI (environment variable {@code CI=true}), where they fail. The one harness of every browser test, the
 * search package's too, hence public.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;
    /** Where this browser saves downloads (exported progress files). */
    public final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    // Selenium warns that it has no DevTools bindings for this Chromium version; the commands used here do not need them.
    // Held in a field: java.util.logging forgets the level of a logger nobody references.
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(Level.SEVERE);
    }

    /** Skips (or, on CI, fails) the calling test class when Chromium or chromedriver is missing. */
    public static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return;
        String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) fail(message);
        Assumptions.abort(message);
    }

    /** A browser with a new profile in {@code profile}; downloads, if any, land in {@code profile/downloads}. */
    public static Browser start(Path profile, int width, int height) {
        requireChromium();
        Path downloads = profile.resolve("downloads");
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withSilent(true).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // Chromium widens a window narrower than about 500 pixels at start-up; resizing it afterwards is exact.
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, downloads);
    }

    /** Waits up to 10 s; an element replaced while we look (the drawer swaps its article) is looked up again. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String js, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Loads a page and waits until its deferred scripts have run. */
    public void open(String url) {
        driver.get(url);
        waitForScripts();
    }

    public void reload() {
        driver.navigate().refresh();
        waitForScripts();
    }

    public void waitForScripts() {
        waiting().until(d -> "complete".equals(script("return document.readyState")));
    }

    /** Waits until no animation runs: a check of colours made mid-fade (the drawer fades in) sees colours no reader is left with. */
    public void waitForAnimations() {
        waiting().until(d -> Boolean.TRUE.equals(script("return document.getAnimations().every(a => a.playState !== 'running')")));
    }

    /** Forgets this site's localStorage (progress, theme, view), as a first visit would find it. */
    public void clearStorage() {
        script("window.localStorage.clear()");
    }

    /**
     * Console errors since the last call: Content-Security-Policy violations ("Refused to ...") and script errors.
     * A missing favicon is not a problem of ours: the example site has none.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("/favicon.ico"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
