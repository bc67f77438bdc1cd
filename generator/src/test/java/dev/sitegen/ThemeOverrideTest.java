package dev.sitegen;

import dev.sitegen.build.BuildResult;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A site's theme/ overrides single templates and assets by name; everything else falls through to the default theme. */
class ThemeOverrideTest {

    @Test
    void siteTemplateAndStylesheetReplaceTheDefaultOnesOnly(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("site");
        BuildResult result = Sites.build(Sites.fixture("theme-override"), out);
        assertTrue(result.ok(), () -> String.join("\n", Sites.lines(result)));

        Document guide = Sites.page(out, "guides/start/");
        assertEquals("Getting started", guide.selectFirst("h1.custom").text());
        assertEquals("<b>not bold</b>", guide.selectFirst(".custom-escaped").text(), "site templates are auto-escaped too");

        Document topic = Sites.page(out, "web/html/");
        assertEquals("HTML", topic.selectFirst("h1").text());

        String css = topic.selectFirst("link[rel=stylesheet]").attr("href").substring("/learn/".length());
        assertTrue(Files.readString(out.resolve(css)).contains("a site's own stylesheet"));
        String js = topic.selectFirst("script[type=module][src]").attr("src").substring("/learn/".length());
        assertTrue(Files.readString(out.resolve(js)).contains("site-gen default theme script"));
    }
}
