package dev.sitegen.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The colour theme: the system's by default, a header button to pick light or dark, remembered across pages and reloads. */
class ColourSchemeTest extends ExampleSiteBrowserTest {
    static final String LIGHT_BG = "rgb(255, 255, 255)";
    static final String DARK_BG = "rgb(16, 20, 27)";

    @BeforeEach
    void systemPrefersLight() {
        systemScheme("light");
        browser.open(site.url(""));
        browser.clearStorage();
        browser.open(site.url(""));
    }

    @AfterEach
    void systemBackToLight() {
        systemScheme("light");
    }

    @Test
    void theToggleSwitchesToDarkAndTheChoiceSurvivesReloadsAndOtherPages() {
        assertEquals(LIGHT_BG, background());
        assertEquals("System", toggle().getText());

        toggle().click();

        assertEquals("Dark", toggle().getText());
        browser.waiting().until(d -> DARK_BG.equals(background()));
        browser.reload();
        assertEquals("dark", browser.driver.findElement(By.tagName("html")).getDomAttribute("data-theme"));
        assertEquals(DARK_BG, background());
        assertEquals("Dark", toggle().getText());
        browser.open(site.url("backend/http/"));
        assertEquals(DARK_BG, background());

        toggle().click();
        assertEquals("Light", toggle().getText());
        browser.waiting().until(d -> LIGHT_BG.equals(background()));
        toggle().click();
        assertEquals("System", toggle().getText());
        assertNull(browser.driver.findElement(By.tagName("html")).getDomAttribute("data-theme"));
    }

    @Test
    void byDefaultTheSystemSchemeIsFollowedAndTheFirstPressLeavesIt() {
        systemScheme("dark");
        browser.reload();
        assertEquals(DARK_BG, background());
        assertEquals("Colour theme: System (dark). Switch to light", toggle().getDomAttribute("aria-label"));

        toggle().click();

        browser.waiting().until(d -> LIGHT_BG.equals(background()));
        assertEquals("Light", toggle().getText());
    }

    private static WebElement toggle() {
        return browser.driver.findElement(By.cssSelector(".site-header button.theme-toggle"));
    }

    private static String background() {
        return browser.script("return getComputedStyle(document.body).backgroundColor");
    }

    /** What the operating system prefers, as Chromium reports it to prefers-color-scheme. */
    private static void systemScheme(String scheme) {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }
}
