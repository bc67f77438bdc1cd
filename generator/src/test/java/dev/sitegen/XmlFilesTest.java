package dev.sitegen;

import dev.sitegen.build.BuildResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** feed.xml and sitemap.xml are well-formed XML whatever characters the editors' titles hold. */
class XmlFilesTest {
    @TempDir
    Path tmp;

    @Test
    void charactersXmlForbidsAreDroppedFromTheFeed() throws Exception {
        Path site = Sites.copy(Sites.fixture("minimal"), tmp.resolve("src"));
        // YAML escapes: U+FFFE, U+FFFF, a lone low and a lone high surrogate, C1 controls (U+0085, U+009F), DEL, a bell.
        String odd = "\\uFFFE\\uFFFF\\uDC00\\uD800\\x85\\x9F\\x7F\\a";
        Files.writeString(site.resolve("site.yaml"), Files.readString(site.resolve("site.yaml"))
                .replace("title: Minimal", "title: \"Mini" + odd + "mal\""));
        Path guide = site.resolve("guides/start.md");
        Files.writeString(guide, Files.readString(guide)
                .replace("title: Getting started", "title: \"Getting" + odd + " started \\U0001F680\"")
                .replace("tags: [start]", "tags: [\"st" + odd + "art\"]")
                .replace("author: Tests", "author: \"Te" + odd + "sts\""));
        BuildResult result = Sites.build(site, tmp.resolve("out"));
        assertTrue(result.ok(), Sites.lines(result)::toString);

        Document feed = parse(tmp.resolve("out/feed.xml"));
        assertEquals("Minimal — guides", feed.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("Getting started \uD83D\uDE80", feed.getElementsByTagName("title").item(1).getTextContent(), "a real pair is kept");
        assertEquals("start", ((org.w3c.dom.Element) feed.getElementsByTagName("category").item(0)).getAttribute("term"));
        assertEquals("Tests", feed.getElementsByTagName("name").item(0).getTextContent());
        parse(tmp.resolve("out/sitemap.xml"));
    }

    /** A strict XML 1.0 parser: it stops at the first character the standard does not allow. */
    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
