package dev.sitegen.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.sitegen.problem.Pos;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to HTML with one shared, thread-safe flexmark parser and renderer. Links are handed to a
 * {@link LinkRewriter} before rendering, with their source position, so that they can be resolved and checked.
 */
public final class Markdown {
    private final Parser parser;
    private final HtmlRenderer renderer;

    /** A heading as a table of contents shows it. */
    public record Heading2(int level, String id, String text) {}

    /** The HTML of a page body and its headings. */
    public record Rendered(String html, List<Heading2> headings) {
        public Rendered {
            headings = List.copyOf(headings);
        }
    }

    /** Maps a link's URL to what the page should point at, reporting any problem; returns the URL to render. */
    @FunctionalInterface
    public interface LinkRewriter {
        String rewrite(String url, Pos at, boolean image);
    }

    private final boolean allowHtml;

    public boolean allowHtml() {
        return allowHtml;
    }

    public Markdown(boolean allowHtml) {
        this.allowHtml = allowHtml;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create(), FootnoteExtension.create(),
                AnchorLinkExtension.create(), TocExtension.create()));
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
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * Renders {@code body}, whose first line is line {@code firstLine} of its file.
     * Every link, image and reference definition goes through {@code links} first.
     */
    public Rendered render(String body, int firstLine, LinkRewriter links) {
        Document document = parser.parse(body);
        LineIndex lines = new LineIndex(body, firstLine);
        rewriteLinks(document, lines, links);
        String html = renderer.render(document);
        List<Heading2> headings = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading h && h.getAnchorRefId() != null && !h.getAnchorRefId().isEmpty()) {
                headings.add(new Heading2(h.getLevel(), h.getAnchorRefId(), h.getText().toString().trim()));
            }
        }
        return new Rendered(html, headings);
    }

    private static void rewriteLinks(Document document, LineIndex lines, LinkRewriter links) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Link || node instanceof Image) {
                rewrite((LinkNodeBase) node, lines, links, node instanceof Image);
            } else if (node instanceof Reference ref) {
                String url = ref.getUrl().toString();
                String rewritten = links.rewrite(url, lines.at(ref.getUrl().getStartOffset()), false);
                if (!rewritten.equals(url)) ref.setUrl(BasedSequence.of(rewritten));
            } else if (node instanceof AutoLink auto) {
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

    private static void rewrite(LinkNodeBase link, LineIndex lines, LinkRewriter links, boolean image) {
        String url = link.getUrl().toString();
        String rewritten = links.rewrite(url, lines.at(link.getUrl().isNull() ? link.getStartOffset() : link.getUrl().getStartOffset()), image);
        if (!rewritten.equals(url)) {
            link.setUrl(BasedSequence.of(rewritten));
            link.setUrlChars(BasedSequence.of(rewritten));
        }
    }

    /** Offsets in a body to 1-based line and column in its file. */
    static final class LineIndex {
        private final int[] starts;
        private final int firstLine;

        LineIndex(String text, int firstLine) {
            this.firstLine = firstLine;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') s.add(i + 1);
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        Pos at(int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) lo = mid;
                else hi = mid - 1;
            }
            return new Pos(firstLine + lo, offset - starts[lo] + 1);
        }
    }
}
