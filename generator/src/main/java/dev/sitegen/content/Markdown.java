package dev.sitegen.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.sitegen.problem.Pos;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to HTML with one shared, thread-safe flexmark parser and renderer. Links are handed to a
 * {@link LinkRewriter} before rendering, with their source position, so that they can be resolved and checked.
 * Any text renders or fails with {@link TooComplex}, in time and memory that grow with the text's length: see
 * {@link MarkdownLimits} for the shapes refused before parsing, {@link #MAX_DEPTH} and {@link Budget}.
 */
public final class Markdown {
    /** Deeper trees (emphasis in links in quotes …) are refused: flexmark renders them recursively. */
    static final int MAX_DEPTH = 256;
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Parser autolinkParser;

    /** A heading as a table of contents shows it. */
    public record Heading2(int level, String id, String text) {}

    /**
     * The HTML of a page body and its headings; with {@link #renderWithText}, also its readable text by section, as
     * search would read it from the HTML ({@code text} is null where it was not made).
     */
    public record Rendered(String html, List<Heading2> headings, List<SectionText.Section> text) {
        public Rendered {
            headings = List.copyOf(headings);
            text = text == null ? null : List.copyOf(text);
        }

        public Rendered(String html, List<Heading2> headings) {
            this(html, headings, null);
        }
    }

    /** Text that flexmark could not render in bounded time and memory; {@code at} is the place to simplify. */
    public static final class TooComplex extends Exception {
        private final transient Pos at;

        TooComplex(Pos at, String message) {
            super(message, null, false, false);
            this.at = at;
        }

        public Pos at() {
            return at;
        }
    }

    /** Maps a link's URL to what the page should point at, reporting any problem; returns the URL to render. */
    @FunctionalInterface
    public interface LinkRewriter {
        String rewrite(String url, Pos at, boolean image);
    }

    private final boolean allowHtml;
    private final boolean ownHtml;
    private final ListOptions lists;

    public boolean allowHtml() {
        return allowHtml;
    }

    public Markdown(boolean allowHtml) {
        this(allowHtml, true, true);
    }

    /**
     * The same Markdown with flexmark's own HTML renderer for every body: what {@link BodyHtml}, the fast path, must
     * write byte for byte (MarkdownTest compares the two on the example site and on thousands of random texts).
     */
    static Markdown withFlexmarkHtml(boolean allowHtml) {
        return new Markdown(allowHtml, true, false);
    }

    /** The same, also with flexmark's own inline parser: what {@link InlineParser} must parse alike. */
    static Markdown withFlexmarkParser() {
        return new Markdown(false, false, false);
    }

    private Markdown(boolean allowHtml, boolean ownParsing, boolean ownHtml) {
        this.allowHtml = allowHtml;
        this.ownHtml = ownHtml;
        MutableDataSet options = new MutableDataSet();
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), FootnoteExtension.create(), AnchorLinkExtension.create(), TocExtension.create());
        options.set(Parser.EXTENSIONS, extensions);
        // GitHub-flavoured tables.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        // The heading text is the anchor link: no empty links for screen readers to stumble over.
        options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, true);
        options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
        options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor");
        options.set(TocExtension.TITLE, "Contents");
        // Raw HTML from editors is shown as text unless the site owner trusts every editor (markdown.allowHtml).
        options.set(HtmlRenderer.ESCAPE_HTML, !allowHtml);
        options.set(HtmlRenderer.SUPPRESS_HTML, false);
        options.set(Parser.HTML_FOR_TRANSLATOR, false);
        this.renderer = HtmlRenderer.builder(options).build();
        this.lists = ListOptions.get(options);
        // The anchor-link extension only wraps each heading's text in a link, in a pass over the whole tree after
        // parsing (a tenth of parsing time). BodyHtml writes that link itself; a body it gives back to flexmark's
        // renderer gets the links from addAnchors first. Without ownHtml, flexmark's own pipeline, extension and all.
        MutableDataSet parsing = new MutableDataSet(options);
        List<Extension> parsed = new ArrayList<>(extensions);
        if (ownHtml) parsed.removeIf(e -> e instanceof AnchorLinkExtension);
        parsing.set(Parser.EXTENSIONS, parsed);
        this.parser = builder(parsing, ownParsing).build();
        MutableDataSet linkifying = new MutableDataSet(parsing);
        List<Extension> withAutolink = new ArrayList<>(parsed);
        withAutolink.add(AutolinkExtension.create());
        linkifying.set(Parser.EXTENSIONS, withAutolink);
        this.autolinkParser = builder(linkifying, ownParsing).build();
    }

    private static Parser.Builder builder(MutableDataSet options, boolean ownParsing) {
        return ownParsing ? InlineParser.use(Parser.builder(options)) : Parser.builder(options);
    }

    /**
     * Renders {@code body}, whose first line is line {@code firstLine} of its file.
     * Every link, image and reference definition goes through {@code links} first.
     */
    public Rendered render(String body, int firstLine, LinkRewriter links) throws TooComplex {
        return render(body, firstLine, links, null, false);
    }

    /**
     * As {@link #render(String, int, LinkRewriter)}, and the body's text for search where this class writes the HTML
     * itself (most bodies): reading it back from the HTML was a twelfth of a build's time.
     */
    public Rendered renderWithText(String body, int firstLine, LinkRewriter links) throws TooComplex {
        return render(body, firstLine, links, null, true);
    }

    /** As {@link #render(String, int, LinkRewriter)}, with the autolink pass on or off: tests prove the choice changes nothing. */
    Rendered render(String body, int firstLine, LinkRewriter links, boolean autolink) throws TooComplex {
        return render(body, firstLine, links, (Boolean) autolink, false);
    }

    /**
     * The characters of {@code body} are made once, read by {@link MarkdownLimits#scan} and by the parser; the autolink
     * pass runs where the scan found a trigger, unless {@code autolink} says otherwise (for tests).
     */
    private Rendered render(String body, int firstLine, LinkRewriter links, Boolean autolink, boolean withText) throws TooComplex {
        char[] chars = body.toCharArray();
        MarkdownLimits.Scan scan = MarkdownLimits.scan(body, chars);
        LineIndex lines = new LineIndex(scan.lineStarts(), firstLine);
        if (scan.violation() != null) throw new TooComplex(lines.at(scan.violation().offset()), scan.violation().message());
        Budget budget = new Budget(body.length());
        try {
            boolean autolinks = autolink != null ? autolink : scan.mayAutolink();
            Document document = (autolinks ? autolinkParser : parser).parse(BasedSequence.of(budget.wrap(body, chars)));
            checkDepth(document, lines);
            rewriteLinks(document, lines, links, budget);
            SectionText text = withText ? new SectionText() : null;
            String html = ownHtml ? BodyHtml.render(document, lists, body, chars, text) : null;
            if (html == null) {
                text = null;
                if (ownHtml) addAnchors(document);
                html = renderer.render(document);
            }
            List<Heading2> headings = new ArrayList<>();
            for (Node node : document.getDescendants()) {
                if (node instanceof Heading h && h.getAnchorRefId() != null && !h.getAnchorRefId().isEmpty()) {
                    headings.add(new Heading2(h.getLevel(), h.getAnchorRefId(), h.getText().toString().trim()));
                }
            }
            return new Rendered(html, headings, text == null ? null : text.finish());
        } catch (Budget.Exhausted e) {
            throw new TooComplex(e.offset < 0 ? lines.at(0) : lines.at(e.offset), "the Markdown is too complex to render in reasonable time"
                    + " (flexmark would read it more than " + Budget.PER_CHAR + " times over); split long paragraphs, lists or tables"
                    + " with blank lines, or use fewer links and references in one paragraph");
        } catch (StackOverflowError e) {
            // A safety net: MarkdownLimits and checkDepth refuse the shapes known to overflow, with the same message.
            throw new TooComplex(lines.at(0), tooDeep());
        }
    }

    /** Whether {@link BodyHtml} writes this body's HTML rather than flexmark's renderer: for tests. */
    boolean ownHtmlRenders(String body) {
        Document document = (mayAutolink(body) ? autolinkParser : parser).parse(body);
        return BodyHtml.render(document, lists, body, body.toCharArray(), null) != null;
    }

    /** Whether bare URLs, www. addresses or e-mail addresses may be in the text (see {@link MarkdownLimits.Scan}). */
    static boolean mayAutolink(String body) {
        return MarkdownLimits.scan(body, body.toCharArray()).mayAutolink();
    }

    static String tooDeep() {
        return "the Markdown is nested too deeply (emphasis, links, images, lists and block quotes within each other, more than "
                + MAX_DEPTH + " levels); simplify it";
    }

    /** Refuses trees deeper than {@link #MAX_DEPTH}, walking them without recursion. */
    private static void checkDepth(Document document, LineIndex lines) throws TooComplex {
        Node node = document.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (depth > MAX_DEPTH) throw new TooComplex(lines.at(node.getStartOffset()), tooDeep());
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node.getNext() == null) {
                node = node.getParent();
                depth--;
                if (node == document) node = null;
            }
            if (node != null) node = node.getNext();
        }
    }

    /** What flexmark's anchor-link extension does with ANCHORLINKS_WRAP_TEXT: each heading's content becomes a link. */
    private static void addAnchors(Document document) {
        List<Heading> headings = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading h && h.getText().isNotNull()) headings.add(h);
        }
        for (Heading heading : headings) {
            AnchorLink anchor = new AnchorLink();
            anchor.takeChildren(heading);
            heading.appendChild(anchor);
            anchor.setCharsFromContent();
        }
    }

    private static void rewriteLinks(Document document, LineIndex lines, LinkRewriter links, Budget budget) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Link || node instanceof Image) {
                LinkNodeBase link = (LinkNodeBase) node;
                Pos at = lines.at(link.getUrl().isNull() ? link.getStartOffset() : link.getUrl().getStartOffset());
                String written = rewrite(link.getUrl(), at, links, node instanceof Image);
                if (written != null) {
                    // Read against the budget too: a rewritten URL keeps the query and anchor the editor wrote.
                    link.setUrl(BasedSequence.of(budget.wrapUrl(written)));
                    link.setUrlChars(BasedSequence.of(budget.wrapUrl(written)));
                }
            } else if (node instanceof Reference ref) {
                String written = rewrite(ref.getUrl(), lines.at(ref.getUrl().getStartOffset()), links, false);
                if (written != null) ref.setUrl(BasedSequence.of(budget.wrapUrl(written)));
            } else if (node instanceof AutoLink auto) {
                // CommonMark reads no escapes inside <...>: the text is the URL.
                String url = auto.getUrl().toString();
                if (!Links.isAllowed(url)) {
                    links.rewrite(url, lines.at(auto.getStartOffset()), false);
                    auto.setUrlChars(BasedSequence.of("#"));
                }
            } else if (node instanceof MailLink) {
                // mailto: is allowed; nothing to check.
            }
        }
    }

    /**
     * Gives the rewriter the destination as CommonMark defines it (backslash escapes and entities decoded: the
     * {@code javascript\:} an editor types is the {@code javascript:} a browser gets), and returns the URL to put back
     * in the node, escaped so that the HTML writer's own unescaping gives it back unchanged; null when it is unchanged.
     */
    private static String rewrite(BasedSequence raw, Pos at, LinkRewriter links, boolean image) {
        String written = raw.toString();
        String url = written.indexOf('\\') < 0 && written.indexOf('&') < 0 ? written : raw.unescape();
        String rewritten = links.rewrite(url, at, image);
        if (rewritten.equals(written) && url.equals(written)) return null;
        return rewritten.replace("\\", "\\\\").replace("&", "\\&");
    }
}
