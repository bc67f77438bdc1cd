package dev.sitegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitegen.build.BuildResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Content from many hands cannot run script in a reader's browser. {@code sites/hostile} puts script tags, event
 * handlers, attribute break-outs and template syntax into every field that reaches a page; it builds, every page shows
 * that text as text, and no page, feed, JSON or JS file carries a script, handler or dangerous URL of the content's own.
 * {@code sites/hostile-urls} and {@code sites/hostile-resource-urls} write dangerous URLs every way a browser would still
 * run them (entities, tabs, control characters, case, data:, vbscript:, autolinks, references; flexmark's own filter misses
 * several, flexmark issues #672 and #675): each is an error at its place and nothing is written.
 */
class HostileSiteTest {
    @TempDir
    static Path tmp;
    static Path out;
    static BuildResult result;

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "xlink:href", "action", "formaction", "srcset",
            "poster", "data", "background", "cite", "longdesc", "ping", "manifest", "codebase", "icon");
    private static final Pattern DANGEROUS_SCHEME = Pattern.compile("^(javascript|vbscript|data):");
    private static final Set<String> ACTIVE_ELEMENTS = Set.of("iframe", "frame", "object", "embed", "applet", "base", "form",
            "foreignobject", "style", "link[rel=import]", "meta[http-equiv]");

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        result = Sites.build(Sites.fixture("hostile"), out);
    }

    @Test
    void hostileTextIsJustTextSoTheSiteBuilds() {
        assertTrue(result.ok(), Sites.lines(result).toString());
        assertEquals(List.of(), Sites.lines(result));
    }

    /** What a browser would take as a URL's scheme: it drops control characters and white space first. */
    private static boolean dangerous(String url) {
        String cleaned = url.replaceAll("[\\x00-\\x20\\x7f-\\x9f\\s]", "").toLowerCase(Locale.ROOT);
        return DANGEROUS_SCHEME.matcher(cleaned).find();
    }

    @Test
    void noPageHasAScriptHandlerOrDangerousUrlOfTheContentsOwn() throws IOException {
        List<Path> pages = Sites.htmlFiles(out);
        assertEquals(9, pages.size(), pages.toString());
        for (Path file : pages) {
            Document doc = Jsoup.parse(file.toFile(), "UTF-8", "https://example.org/learn/");
            String page = out.relativize(file).toString();
            for (Element script : doc.select("script")) {
                assertTrue(script.attr("src").matches("/learn/assets/js/[a-z]+\\.[0-9a-f]{10}\\.js"), page + ": " + script);
                assertEquals("", script.data(), page + ": the theme's script has no inline code");
            }
            for (String selector : ACTIVE_ELEMENTS) assertTrue(doc.select(selector).isEmpty(), page + ": " + doc.select(selector));
            for (Element element : doc.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey().toLowerCase(Locale.ROOT);
                    assertFalse(name.startsWith("on"), page + ": event handler " + element.outerHtml());
                    assertFalse(name.equals("style"), page + ": inline style " + element.outerHtml());
                    if (URL_ATTRIBUTES.contains(name)) assertFalse(dangerous(attribute.getValue()), page + ": " + element.outerHtml());
                }
            }
        }
    }

    private static Document page(String sitePath) {
        return Sites.page(out, sitePath);
    }

    @Test
    void everyHostileStringIsShownAsTextWhereItBelongs() {
        Document index = page("");
        assertEquals("Hostile <script>alert('site-title')</script> & co", index.selectFirst("a.brand").text());
        assertEquals("\"><img src=x onerror=alert('site-description')> '-alert(1)-'", index.selectFirst("footer p").text());
        assertEquals("\"><img src=x onerror=alert('site-description')> '-alert(1)-'", index.selectFirst("meta[name=description]").attr("content"));
        assertEquals(List.of("<svg onload=alert('menu-title')>", "Search \" onfocus=\"alert('menu-attr')"), index.select(".site-nav a").eachText());
        assertEquals("https://example.org/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E#x'onmouseover='alert(1)",
                index.select(".site-nav a").get(1).attr("href"));

        Document roadmap = page("xss/");
        assertEquals("<script>alert('roadmap-title')</script>", roadmap.selectFirst("h1").text());
        assertTrue(roadmap.title().startsWith("<script>alert('roadmap-title')</script> · "), roadmap.title());
        assertTrue(roadmap.text().contains("Introduction with <script>alert('intro-raw')</script> and <b onmouseover=\"alert('intro-b')\">bold</b>."));
        assertTrue(roadmap.select("svg text").eachText().contains("</text></svg><script>alert('group-title')</script>"),
                roadmap.select("svg text").eachText().toString());
        assertTrue(roadmap.select("svg a.node").eachAttr("aria-label").contains("Step 1: <svg/onload=alert('node-title')> (<img src=x onerror=alert('stage-title')>)"),
                roadmap.select("svg a.node").eachAttr("aria-label").toString());
        assertTrue(roadmap.text().contains("</textarea><script>alert('stage-description')</script>"));

        Document topic = page("xss/one/");
        assertEquals("<script>alert('topic-title')</script>", topic.selectFirst("article h1").text());
        assertEquals("</title><script>alert('topic-description')</script>", topic.selectFirst("p.lead").text());
        assertEquals(List.of("<img src=x onerror=alert('tag')>", "\"><svg onload=alert('tag-attr')>"), topic.select("ul.tags li").eachText());
        assertEquals(List.of("<b onclick=alert('resource-title')>click</b>", "<iframe src=javascript:alert('front-matter-resource')>"),
                topic.select(".resources li a").eachText());
        assertEquals("https://example.org/r?x=%3Cscript%3E#y'onfocus='alert(1)", topic.selectFirst(".resources li a").attr("href"));
        Element prose = topic.selectFirst(".prose");
        assertEquals(List.of("<img src=x onerror=alert('heading')>"), prose.select("h1[id]").eachText());
        assertEquals("<script>alert('code-block')</script>", prose.selectFirst("pre code").text());
        assertEquals("<script>alert('code-span')</script>", prose.selectFirst("p code").text());
        assertEquals("<img src=x onerror=alert('alt')>\" onerror=\"alert('alt-attr')", prose.selectFirst("img").attr("alt"));
        assertEquals("\" onmouseover=\"alert('image-title')", prose.selectFirst("img").attr("title"));
        assertEquals("\" onmouseover=\"alert('link-title')", prose.selectFirst("a[title]").attr("title"));
        for (String text : List.of("<script>alert('raw-html-block')</script>", "<img src=x onerror=alert('raw-inline')>",
                "<a href=\"javascript:alert('raw-link')\">a raw link</a>", "<!-- <script>alert('comment')</script> -->",
                "<script>alert('link-text')</script>", "<script>alert('table-header')</script>", "<img src=x onerror=alert('table-cell')>",
                "<s onclick=alert('strike')>", "<input onfocus=alert('task') autofocus>", "<script>alert('footnote')</script>")) {
            assertTrue(prose.text().contains(text), "shown as text: " + text);
        }
        assertEquals("{{constructor.constructor('alert(1)')()}} ${7*7} <#assign x=1>", topic.select(".relations a").last().text());
        String notTemplate = page("xss/three/").selectFirst(".prose p").text(); // the *…* in between is emphasis
        assertTrue(notTemplate.startsWith("${7") && notTemplate.contains("<#assign evil=\"x\">") && !notTemplate.contains("49"),
                "content is never a template: " + notTemplate);

        Document guide = page("guides/hostile/");
        assertEquals("<script>alert('guide-title')</script>", guide.selectFirst("h1").text());
        assertTrue(guide.text().contains("<img src=x onerror=alert('author')>"));
        assertEquals("<svg onload=alert('guide-heading')>", guide.selectFirst(".prose h2").text());
    }

    @Test
    void feedsAndSitemapCarryHostileTextEscaped() throws IOException {
        Document feed = Jsoup.parse(Files.readString(out.resolve("feed.xml")), "", Parser.xmlParser());
        assertEquals("Hostile <script>alert('site-title')</script> & co — guides", feed.selectFirst("feed > title").text());
        assertEquals("<script>alert('guide-title')</script>", feed.selectFirst("entry > title").text());
        assertEquals("</category><script>alert('guide-tag')</script>", feed.selectFirst("entry > category").attr("term"));
        assertEquals(1, feed.select("entry").size());
        assertFalse(Files.readString(out.resolve("sitemap.xml")).contains("<script"));
    }

    /**
     * JSON and JS written by the build (a search index, for one) hold content only as escaped string data: the files
     * parse, and no raw {@code <script} or {@code </script} could end an element they are put into. Generic over every
     * .json and .js file, so that a search index added later is checked too.
     */
    @Test
    void jsonAndScriptFilesHoldHostileTextOnlyAsEscapedData() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> checked = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".json") && !name.endsWith(".js")) continue;
                String text = Files.readString(file);
                String lower = text.toLowerCase(Locale.ROOT);
                assertFalse(lower.contains("<script") || lower.contains("</script") || lower.contains("<!--"), file + " has raw markup");
                if (name.endsWith(".json")) {
                    JsonNode tree = json.readTree(text);
                    assertTrue(tree != null, file.toString());
                } else {
                    assertTrue(out.relativize(file).toString().startsWith("assets/"), "only the theme's scripts: " + file);
                }
                checked.add(file);
            }
        }
        assertFalse(checked.isEmpty(), "at least the theme's script");
    }

    /** {@code markdown.allowHtml: true} is the site owner's way to trust every editor: then raw HTML is HTML. */
    @Test
    void rawHtmlRunsOnlyWhenTheSiteOwnerTrustsEveryEditor() throws IOException {
        Path site = Sites.copy(Sites.fixture("hostile"), tmp.resolve("trusting"));
        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml")) + "markdown:\n  allowHtml: true\n");
        Path trusted = tmp.resolve("trusted");
        assertTrue(Sites.build(site, trusted).ok());
        Document topic = Sites.page(trusted, "xss/one/");
        assertTrue(topic.select(".prose script").stream().map(Element::data).toList().contains("alert('raw-html-block')"));
        assertEquals("javascript:alert('raw-link')", topic.selectFirst(".prose a:contains(a raw link)").attr("href"), "raw HTML is not checked");
        // Still text wherever the theme prints a field, and still refused where a URL is checked.
        assertEquals("<script>alert('topic-title')</script>", topic.selectFirst("article h1").text());
    }

    /**
     * Before, any file in static/ was published as it was: an editor's page.html, app.js or an SVG with a script ran as
     * the site itself when a reader opened its URL (and passed a {@code default-src 'self'} policy, being the site's own).
     */
    @Test
    void staticFilesThatWouldRunScriptAreRefusedUnlessTheOwnerTrustsEveryEditor() throws IOException {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("static-site"));
        Path dir = site.resolve("static/files");
        Files.createDirectories(dir);
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n";
        Files.writeString(dir.resolve("plain.svg"), svg + "  <a xlink:href=\"https://example.org/\"><image href=\"data:image/png;base64,iVBORw0KGgo=\"/></a>\n"
                + "  <animate attributeName=\"opacity\" values=\"0;1\"/>\n</svg>\n");
        Files.writeString(dir.resolve("script.svg"), svg + "  <circle r=\"5\"/>\n  <script>alert(1)</script>\n</svg>\n");
        Files.writeString(dir.resolve("handler.svg"), svg + "  <rect width=\"1\"\n        onclick=\"alert(1)\"/>\n</svg>\n");
        Files.writeString(dir.resolve("link.svg"), svg + "  <a xlink:href=\" java&#x09;script:alert(1)\"><text>x</text></a>\n</svg>\n");
        Files.writeString(dir.resolve("entity.svg"), "<!DOCTYPE svg [<!ENTITY s \"javascript\">]>\n" + svg
                + "  <a href=\"&s;:alert(1)\"><text>x</text></a>\n</svg>\n");
        Files.writeString(dir.resolve("html.svg"), svg + "  <foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>\n</svg>\n");
        Files.writeString(dir.resolve("animate.svg"), svg + "  <a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a>\n</svg>\n");
        Files.writeString(dir.resolve("styled.xml"), "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>\n<a/>\n");
        Files.writeString(dir.resolve("page.html"), "<p>hello</p>\n");
        Files.writeString(dir.resolve("app.js"), "alert(1)\n");
        Files.writeString(dir.resolve("notes.txt"), "<script>alert(1)</script> is text here\n");
        Path built = tmp.resolve("static-out");
        BuildResult refused = Sites.build(site, built);
        // SAX places an element at the end of its start tag.
        String trust = ", which would run in readers' browsers when the file is opened; remove it, or set markdown.allowHtml: true"
                + " in site.yaml to trust every editor with such files";
        String page = " is a page or script: opened, it would run in readers' browsers as the site itself; remove it, or set"
                + " markdown.allowHtml: true in site.yaml to trust every editor with such files";
        assertEquals(List.of(
                "static/files/animate.svg:2:58: static file 'files/animate.svg' has an animation of href" + trust,
                "static/files/app.js: static file 'files/app.js'" + page,
                "static/files/entity.svg:3:26: static file 'files/entity.svg' has a link to 'javascript:alert(1)' (href)" + trust,
                "static/files/handler.svg:3:29: static file 'files/handler.svg' has an event handler (onclick)" + trust,
                "static/files/html.svg:2:18: static file 'files/html.svg' has a <foreignObject> element" + trust,
                "static/files/link.svg:2:46: static file 'files/link.svg' has a link to ' java\tscript:alert(1)' (xlink:href)".replace("\t", "\\u0009") + trust,
                "static/files/page.html: static file 'files/page.html'" + page,
                "static/files/script.svg:3:11: static file 'files/script.svg' has a <script> element" + trust,
                "static/files/styled.xml:2:48: static file 'files/styled.xml' has an <?xml-stylesheet?> instruction" + trust),
                Sites.lines(refused));
        assertFalse(Files.exists(built));

        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml")) + "markdown:\n  allowHtml: true\n");
        assertTrue(Sites.build(site, built).ok());
        assertEquals("alert(1)\n", Files.readString(built.resolve("files/app.js")));
        assertTrue(Files.readString(built.resolve("files/script.svg")).contains("<script>"));
    }

    /** The README tells Netlify users to set security headers with static/_headers. */
    @Test
    void aNetlifyHeadersFileIsPublishedAtTheRoot() throws IOException {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("netlify"));
        String headers = "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n";
        Files.writeString(site.resolve("static/_headers"), headers);
        Path built = tmp.resolve("netlify-out");
        assertTrue(Sites.build(site, built).ok());
        assertEquals(headers, Files.readString(built.resolve("_headers")));
    }

    @Test
    void dangerousLinksInMarkdownAndTheMenuAreErrorsWhereTheyAreWritten() {
        BuildResult urls = Sites.build(Sites.fixture("hostile-urls"), tmp.resolve("urls"));
        assertFalse(urls.ok());
        String link = ": link scheme '%s:' is not allowed; use http, https, mailto or a relative link";
        String image = ": image scheme '%s:' is not allowed; use http, https, mailto or a relative link";
        assertEquals(List.of(
                "site.yaml:7:26: menu url 'javascript:alert('menu')' must start with / (a page of this site) or be an http(s) URL",
                "site.yaml:8:28: menu url 'jav&#x09;ascript:alert('menu-entity')' must start with / (a page of this site) or be an http(s) URL",
                "site.yaml:9:24: menu url 'data:text/html,<script>alert('menu-data')</script>' must start with / (a page of this site) or be an http(s) URL",
                "site.yaml:10:35: menu url '//evil.example/' must start with / (a page of this site) or be an http(s) URL",
                "site.yaml:11:29: menu link '/\\evil.example/': no such page on this site",
                "topics/web/a.md:5:10" + link.formatted("javascript"),
                "topics/web/a.md:5:47" + link.formatted("javascript"),
                "topics/web/a.md:5:86" + link.formatted("javascript"),
                "topics/web/a.md:6:7" + link.formatted("javascript"),
                "topics/web/a.md:6:46" + link.formatted("javascript"),
                "topics/web/a.md:6:87" + link.formatted("javascript"),
                "topics/web/a.md:7:6" + link.formatted("vbscript"),
                "topics/web/a.md:7:36" + link.formatted("data"),
                "topics/web/a.md:9:10" + image.formatted("javascript"),
                "topics/web/a.md:9:51" + image.formatted("data"),
                "topics/web/a.md:11:1" + link.formatted("javascript"),
                "topics/web/a.md:11:32" + link.formatted("vbscript"),
                "topics/web/a.md:11:62" + link.formatted("data"),
                "topics/web/a.md:15:6" + link.formatted("javascript"),
                "topics/web/a.md:16:6" + link.formatted("data")), Sites.lines(urls));
        assertFalse(Files.exists(tmp.resolve("urls")), "nothing written");
    }

    @Test
    void dangerousResourceUrlsAreErrorsWhereTheyAreWritten() {
        BuildResult resources = Sites.build(Sites.fixture("hostile-resource-urls"), tmp.resolve("resources"));
        assertEquals(List.of(
                "roadmaps/web.yaml:9:30: resource url 'JaVaScRiPt&colon;alert('node')' uses the scheme 'javascript'; only http and https are allowed",
                "roadmaps/web.yaml:10:32: resource url 'vbscript:msgbox('node')' uses the scheme 'vbscript'; only http and https are allowed",
                "roadmaps/web.yaml:11:28: resource url 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' uses the scheme 'data'; only http and https are allowed",
                "roadmaps/web.yaml:12:29: resource url 'https://example.org/\"><script>alert('node')</script>' is not a valid URL: Illegal character in path",
                "topics/web/a.md:5:23: resource url ' jav&#x09;ascript:alert('front-matter')' uses the scheme 'javascript'; only http and https are allowed",
                "topics/web/a.md:6:27: resource url '\\u0001javascript:alert('control')' uses the scheme 'javascript'; only http and https are allowed"),
                Sites.lines(resources));
        assertFalse(Files.exists(tmp.resolve("resources")), "nothing written");
    }
}
