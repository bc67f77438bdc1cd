package dev.sitegen.content;

import dev.sitegen.problem.Pos;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Finds files in {@code static/} that would run script in a reader's browser, as the site itself, when opened: HTML
 * pages and scripts, and SVG or XML documents with scripts, event handlers, embedded HTML, {@code javascript:} links or
 * an XSLT stylesheet. Editors' static files are images and downloads; a site that trusts every editor
 * ({@code markdown.allowHtml: true}) may publish active files too.
 *
 * <p>SVG and XML are read as browsers read them, as XML with entities expanded (so entities cannot hide anything), but
 * without fetching any external entity or DTD.
 */
public final class ActiveContent {
    /** Served as pages or scripts by every static host. */
    private static final Set<String> ACTIVE = Set.of("html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "js", "mjs", "cjs",
            "xsl", "xslt", "svgz", "swf");
    private static final Set<String> CHECKED = Set.of("svg", "xml");
    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "foreignobject", "iframe", "frame", "embed", "object",
            "applet", "handler", "listener", "base", "form", "meta");
    /** Attributes holding a URL, or a value that animation may put into one. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "base", "to", "from", "values", "by");

    /** Why the file cannot be published, and where in it; null when it is safe. */
    public record Refusal(Pos at, String message) {}

    private ActiveContent() {}

    /** Checks one static file; {@code name} is its path below {@code static/}. */
    public static Refusal check(Path file, String name) throws IOException {
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (ACTIVE.contains(ext)) {
            return new Refusal(Pos.UNKNOWN, "'" + name + "' is a page or script: opened, it would run in readers' browsers as the site"
                    + " itself; remove it, or set markdown.allowHtml: true in site.yaml to trust every editor with such files");
        }
        if (!CHECKED.contains(ext)) return null;
        try (InputStream in = Files.newInputStream(file)) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Finder finder = new Finder(name);
            try {
                factory.newSAXParser().parse(in, finder);
            } catch (Found found) {
                return found.refusal;
            } catch (SAXParseException e) {
                // A browser shows an XML error instead of the document, so nothing in it runs; say so all the same.
                return new Refusal(new Pos(Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber())),
                        "'" + name + "' is not well-formed XML (" + e.getMessage() + "); fix or remove it");
            }
            return null;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot check " + name + ": " + e.getMessage(), e);
        }
    }

    private static final class Found extends SAXException {
        final transient Refusal refusal;

        Found(Refusal refusal) {
            super(refusal.message());
            this.refusal = refusal;
        }
    }

    /** Stops at the first element, attribute or instruction that could run script. */
    private static final class Finder extends DefaultHandler {
        private final String name;
        private Locator locator;

        Finder(String name) {
            this.name = name;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private Found found(String what) {
            Pos at = locator == null ? Pos.UNKNOWN : new Pos(locator.getLineNumber(), locator.getColumnNumber());
            return new Found(new Refusal(at, "'" + name + "' has " + what + ", which would run in readers' browsers when the file is"
                    + " opened; remove it, or set markdown.allowHtml: true in site.yaml to trust every editor with such files"));
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            String element = localName.toLowerCase(Locale.ROOT);
            if (ACTIVE_ELEMENTS.contains(element)) throw found("a <" + qName + "> element");
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getLocalName(i).toLowerCase(Locale.ROOT);
                String value = attributes.getValue(i);
                if (attribute.startsWith("on")) throw found("an event handler (" + attributes.getQName(i) + ")");
                if (URL_ATTRIBUTES.contains(attribute) && !safeUrl(value)) {
                    throw found("a link to '" + value + "' (" + attributes.getQName(i) + ")");
                }
                if (attribute.equals("attributename") && value.toLowerCase(Locale.ROOT).matches(".*\\b(href|on\\w+)\\b.*")) {
                    throw found("an animation of " + value);
                }
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (target.equalsIgnoreCase("xml-stylesheet")) throw found("an <?xml-stylesheet?> instruction");
        }
    }

    /** Relative URLs, fragments, http(s), mailto and embedded raster images. */
    private static boolean safeUrl(String url) {
        String scheme = Links.scheme(url);
        if (scheme == null || Links.ALLOWED_SCHEMES.contains(scheme)) return true;
        return scheme.equals("data") && Links.normalize(url).toLowerCase(Locale.ROOT).matches("data:image/(png|jpeg|gif|webp)[;,].*");
    }
}
