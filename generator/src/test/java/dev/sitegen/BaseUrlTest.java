package dev.sitegen;

import dev.sitegen.build.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every URL made from the base URL stays on its host and under its path; a base URL that could not do so is refused. */
class BaseUrlTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {
            "https://example.org//evil.example/", "https://example.org/learn//x/", "//evil.example/", "/learn/",
            "ftp://example.org/", "javascript:alert(1)//", "https://user:pw@example.org/", "https://evil.example@example.org/",
            "https://example.org/?x=1", "https://example.org/#top", "https:///learn/", "https://example.org/../x/",
            "https://example.org/%2e%2e/", "https://example.org/a%2F%2Fevil/", "https:example.org/", "https://exa mple.org/"})
    void aBadBaseUrlInSiteYamlIsAnErrorAtItsLine(String bad) throws IOException {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("src"));
        Files.writeString(site.resolve("site.yaml"), "title: Minimal\ndescription: A small site.\nbaseUrl: \"" + bad + "\"\n");
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertFalse(result.ok());
        List<String> lines = Sites.lines(result);
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("site.yaml:3:10: baseUrl '" + bad + "' "), lines.get(0));
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org//evil.example/", "http://localhost:8000//x/", "https://a@b.example/"})
    void aBadBaseUrlOnTheCommandLineIsRefused(String bad) {
        BuildResult result = Sites.build(Sites.fixture("minimal"), tmp.resolve("out"), bad);
        assertFalse(result.ok());
        assertTrue(Sites.lines(result).get(0).contains("base URL '" + bad + "' given on the command line"), Sites.lines(result)::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/learn/", "http://localhost:8000", "https://docs.example.org:8443/a/b/"})
    void everyUrlOnEveryPageKindStaysOnTheBase(String base) throws IOException {
        Path out = tmp.resolve("out");
        BuildResult result = Sites.build(Sites.fixture("minimal"), out, base);
        assertTrue(result.ok(), Sites.lines(result)::toString);
        URI root = URI.create(base.endsWith("/") ? base : base + "/");
        List<String> urls = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html")) urls.addAll(htmlUrls(Jsoup.parse(Files.readString(file))));
                if (name.endsWith(".xml")) urls.addAll(xmlUrls(Files.readString(file)));
            }
        }
        assertTrue(urls.size() > 50, "the scan found the site's links: " + urls.size());
        int own = 0;
        for (String url : urls) {
            assertFalse(url.startsWith("//") || url.startsWith("\\") || url.startsWith("/\\"), "protocol-relative: " + url);
            if (url.startsWith("/")) {
                assertTrue(url.startsWith(root.getRawPath()), url + " is under " + root.getRawPath());
                own++;
            } else if (url.startsWith(root.getScheme() + "://" + root.getRawAuthority() + "/")) {
                assertTrue(url.startsWith(root.toString()), url + " is under " + root);
                own++;
            }
        }
        assertTrue(own > 50, "links to the site itself were checked: " + own);
        Document home = Sites.page(out, "");
        for (Element e : home.select("script[src], link[rel=stylesheet], link[rel=canonical], link[rel=alternate], link[rel=icon]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertTrue(url.startsWith(root.getRawPath()) && !url.startsWith("//") || url.startsWith(root.toString()), e.outerHtml());
        }
    }

    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "data-search", "data-index", "data-base", "poster");

    private static List<String> htmlUrls(Document doc) {
        List<String> urls = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            for (var attribute : e.attributes()) {
                String key = attribute.getKey();
                if (URL_ATTRIBUTES.contains(key) || key.startsWith("data-") && attribute.getValue().startsWith("/")) urls.add(attribute.getValue());
                if (key.equals("content") && attribute.getValue().matches("(?i)https?:.*|/.*")) urls.add(attribute.getValue());
                if (key.equals("srcset")) for (String part : attribute.getValue().split(",")) urls.add(part.trim().split("\\s+")[0]);
            }
        }
        return urls;
    }

    private static final Pattern XML_URL = Pattern.compile("(?:href=\"|<link>|<id>|<loc>)([^\"<]+)");

    private static List<String> xmlUrls(String xml) {
        List<String> urls = new ArrayList<>();
        Matcher m = XML_URL.matcher(xml);
        while (m.find()) urls.add(Parser.unescapeEntities(m.group(1), true));
        return urls;
    }
}
