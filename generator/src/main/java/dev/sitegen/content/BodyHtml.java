package dev.sitegen.content;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import com.vladsch.flexmark.util.sequence.SubSequence;

import java.util.Map;

/**
 * The HTML flexmark's renderer would write for a page body, written straight into one buffer. Flexmark's renderer
 * passes every character through its line formatter one at a time, which made it slower than parsing: about a fifth of
 * a whole build. This writes the node kinds pages are made of (paragraphs, headings, lists, quotes, code, tables,
 * emphasis, links, images) the way flexmark writes them with the options {@link Markdown} sets, and gives up on
 * anything else — footnotes, task lists, a [TOC], raw HTML, links to reference definitions, text where flexmark's line formatter would
 * change white space — so that flexmark renders that body instead. Tests render the example site and thousands of
 * random texts both ways and require the same HTML. Given a {@link SectionText}, it also writes the body's readable
 * text for search as it goes, which is what search would read from this HTML (tested the same way).
 * One class of about 500 lines because it mirrors flexmark's one renderer node kind by node kind: read side by side
 * with it, each method is the counterpart of one of flexmark's.
 */
final class BodyHtml {
    private enum Kind {
        TEXT, TEXT_BASE, PARAGRAPH, HEADING, ANCHOR, SOFT_BREAK, HARD_BREAK, EMPHASIS, STRONG, DEL, CODE, LINK, IMAGE,
        AUTOLINK, MAIL, LINK_REF, ENTITY, QUOTE, BULLETS, NUMBERS, ITEM, FENCED, INDENTED, RULE, REFERENCE,
        TABLE, THEAD, TBODY, ROW, CELL, SEPARATOR
    }

    // Exact classes: a subclass (a task list item is a list item) is rendered by flexmark.
    private static final Map<Class<?>, Kind> KINDS = Map.ofEntries(
            Map.entry(Text.class, Kind.TEXT), Map.entry(TextBase.class, Kind.TEXT_BASE), Map.entry(Paragraph.class, Kind.PARAGRAPH),
            Map.entry(Heading.class, Kind.HEADING), Map.entry(AnchorLink.class, Kind.ANCHOR),
            Map.entry(SoftLineBreak.class, Kind.SOFT_BREAK), Map.entry(HardLineBreak.class, Kind.HARD_BREAK),
            Map.entry(Emphasis.class, Kind.EMPHASIS), Map.entry(com.vladsch.flexmark.ast.StrongEmphasis.class, Kind.STRONG),
            Map.entry(Strikethrough.class, Kind.DEL), Map.entry(Code.class, Kind.CODE), Map.entry(Link.class, Kind.LINK),
            Map.entry(Image.class, Kind.IMAGE), Map.entry(AutoLink.class, Kind.AUTOLINK), Map.entry(MailLink.class, Kind.MAIL),
            Map.entry(LinkRef.class, Kind.LINK_REF),
            Map.entry(HtmlEntity.class, Kind.ENTITY), Map.entry(BlockQuote.class, Kind.QUOTE), Map.entry(BulletList.class, Kind.BULLETS),
            Map.entry(OrderedList.class, Kind.NUMBERS), Map.entry(BulletListItem.class, Kind.ITEM), Map.entry(OrderedListItem.class, Kind.ITEM),
            Map.entry(FencedCodeBlock.class, Kind.FENCED), Map.entry(IndentedCodeBlock.class, Kind.INDENTED),
            Map.entry(ThematicBreak.class, Kind.RULE), Map.entry(Reference.class, Kind.REFERENCE),
            Map.entry(TableBlock.class, Kind.TABLE), Map.entry(TableHead.class, Kind.THEAD), Map.entry(TableBody.class, Kind.TBODY),
            Map.entry(TableRow.class, Kind.ROW), Map.entry(TableCell.class, Kind.CELL), Map.entry(TableSeparator.class, Kind.SEPARATOR));

    /** Thrown where flexmark's output would differ from what this class writes; flexmark renders the body then. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private final StringBuilder out;
    private final ListOptions lists;
    private final Document document;
    private final String source;
    /** The characters of {@code source}, for scanning text without a String.charAt call per character. */
    private final char[] chars;
    private final Object base;
    /** The body's readable text for search, written alongside the HTML as search would read it from that; or null. */
    private final SectionText plain;

    private BodyHtml(Document document, ListOptions lists, String source, char[] chars, SectionText plain) {
        this.plain = plain;
        this.document = document;
        this.lists = lists;
        this.source = source;
        this.chars = chars;
        this.base = document.getChars().getBase();
        this.out = new StringBuilder(source.length() + source.length() / 4 + 16);
    }

    /**
     * The HTML of {@code document}, parsed from {@code source}, as flexmark would render it, or null where flexmark must
     * render it. Gives headings their ids. With {@code plain}, also its text, into that; only use it when this gave HTML.
     */
    static String render(Document document, ListOptions lists, String source, char[] chars, SectionText plain) {
        new HeaderIdGenerator().generateIds(document);
        BodyHtml html = new BodyHtml(document, lists, source, chars, plain);
        try {
            html.children(document);
        } catch (Unsupported e) {
            return null;
        }
        return html.out.toString();
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) node(child);
    }

    private void node(Node node) {
        Kind kind = KINDS.get(node.getClass());
        if (kind == null) throw UNSUPPORTED;
        switch (kind) {
            case TEXT -> bodyText(node.getChars());
            case TEXT_BASE -> children(node);
            case PARAGRAPH -> paragraph((Paragraph) node);
            case HEADING -> heading((Heading) node);
            case ANCHOR -> anchor((AnchorLink) node);
            case SOFT_BREAK -> newline();
            case HARD_BREAK -> {
                out.append("<br />");
                newline();
            }
            case EMPHASIS -> wrap("<em>", node, "</em>");
            case STRONG -> wrap("<strong>", node, "</strong>");
            case DEL -> wrap("<del>", node, "</del>");
            case CODE -> {
                out.append("<code>");
                text(Escaping.collapseWhitespace(string(((Code) node).getText()), true));
                out.append("</code>");
            }
            case LINK -> link((Link) node);
            case IMAGE -> image((Image) node);
            case AUTOLINK -> {
                String text = ((AutoLink) node).getText().toString();
                out.append("<a");
                attribute("href", text.startsWith("www.") ? "http://" + text : text);
                out.append('>');
                text(text);
                out.append("</a>");
            }
            case MAIL -> {
                String text = ((MailLink) node).getText().unescape();
                out.append("<a");
                attribute("href", "mailto:" + text);
                out.append('>');
                text(text);
                out.append("</a>");
            }
            case LINK_REF -> {
                // "[text]" that names no reference definition is text; a defined reference is left to flexmark.
                LinkRef ref = (LinkRef) node;
                if (ref.isDefined()) throw UNSUPPORTED;
                if (!ref.hasChildren()) {
                    text(ref.getChars().unescape());
                } else {
                    text(ref.getChars().prefixOf(ref.getChildChars()).unescape());
                    children(ref);
                    text(ref.getChars().suffixOf(ref.getChildChars()).unescape());
                }
            }
            case ENTITY -> text(node.getChars().unescape());
            case QUOTE -> block("<blockquote>", node, "</blockquote>");
            case BULLETS -> block("<ul>", node, "</ul>");
            case NUMBERS -> {
                int start = ((OrderedList) node).getStartNumber();
                block(lists.isOrderedListManualStart() && start != 1 ? "<ol start=\"" + start + "\">" : "<ol>", node, "</ol>");
            }
            case ITEM -> item((ListItem) node);
            case FENCED -> fenced((FencedCodeBlock) node);
            case INDENTED -> {
                line();
                out.append("<pre><code>");
                preformatted(((IndentedCodeBlock) node).getContentChars().trimTailBlankLines().normalizeEndWithEOL());
                out.append("</code></pre>"); // left out of the search text, which line() below separates
                line();
            }
            case RULE -> {
                line();
                out.append("<hr />");
                line();
            }
            case REFERENCE, SEPARATOR -> { }
            case TABLE -> block("<table>", node, "</table>");
            case THEAD -> lines("<thead>", node, "</thead>");
            case TBODY -> lines("<tbody>", node, "</tbody>");
            case ROW -> lines("<tr>", node, "</tr>");
            case CELL -> cell((TableCell) node);
        }
    }

    private void paragraph(Paragraph node) {
        if (node.getFirstChildAnyNot(NonRenderingInline.class) == null) return;
        if (node.getParent() instanceof ParagraphItemContainer container && container.isParagraphWrappingDisabled(node, lists, document)) {
            children(node);
        } else {
            lines("<p>", node, "</p>");
        }
    }

    private void heading(Heading node) {
        String id = node.getAnchorRefId();
        if (id == null || id.isEmpty()) throw UNSUPPORTED;
        line();
        out.append("<h").append(node.getLevel());
        String written = attribute("id", id);
        out.append('>');
        if (plain != null) plain.startHeading(SectionText.decode(written));
        // The parser leaves out the anchor-link pass (see Markdown): the link flexmark's extension would add is written
        // here, around the heading's content. A tree that has the link already writes it as the ANCHOR node.
        boolean anchored = node.getText().isNotNull() && !(node.getFirstChild() instanceof AnchorLink);
        if (anchored) openAnchor(id);
        children(node);
        if (anchored) out.append("</a>");
        out.append("</h").append(node.getLevel()).append('>');
        if (plain != null) plain.endHeading();
        line();
    }

    private void anchor(AnchorLink node) {
        if (!(node.getParent() instanceof Heading heading)) throw UNSUPPORTED;
        openAnchor(heading.getAnchorRefId());
        children(node);
        out.append("</a>");
    }

    /** The start of a heading's link to itself, as flexmark's anchor-link extension writes it. */
    private void openAnchor(String id) {
        out.append("<a");
        attribute("href", "#" + id);
        out.append(" class=\"anchor\">");
    }

    private void link(Link node) {
        out.append("<a");
        attribute("href", node.getUrl().unescape());
        if (node.getTitle().isNotNull()) attribute("title", node.getTitle().unescape());
        out.append('>');
        children(node);
        out.append("</a>");
    }

    private void image(Image node) {
        if (!node.getUrlContent().isEmpty()) throw UNSUPPORTED;
        out.append("<img");
        attribute("src", node.getUrl().unescape());
        attribute("alt", new TextCollectingVisitor().collectAndGetText(node));
        if (node.getTitle().isNotNull()) attribute("title", node.getTitle().unescape());
        out.append(" />");
        boundary();
    }

    private void item(ListItem node) {
        line();
        out.append("<li>");
        boundary();
        BasedSequence suffix = node.getMarkerSuffix();
        if (suffix.isNotNull() && !suffix.isEmpty()) text(suffix.unescape());
        children(node);
        out.append("</li>");
        line();
    }

    private void fenced(FencedCodeBlock node) {
        line();
        out.append("<pre><code");
        BasedSequence info = node.getInfo();
        if (info.isNotNull() && !info.isBlank()) attribute("class", "language-" + node.getInfoDelimitedByAny(SequenceUtils.SPACE_TAB_SET).unescape());
        out.append('>');
        preformatted(node.getContentChars().normalizeEOL());
        out.append("</code></pre>"); // left out of the search text, which line() below separates
        line();
    }

    private void cell(TableCell node) {
        String tag = node.isHeader() ? "th" : "td";
        out.append('<').append(tag);
        if (node.getAlignment() != null) {
            attribute("align", switch (node.getAlignment()) {
                case LEFT -> "left";
                case CENTER -> "center";
                case RIGHT -> "right";
            });
        }
        out.append('>');
        boundary();
        children(node);
        out.append("</").append(tag).append('>');
        boundary();
    }

    private void wrap(String open, Node node, String close) {
        out.append(open);
        children(node);
        out.append(close);
    }

    /** A block element on lines of its own, its children on lines of theirs (lists, quotes, tables). */
    private void block(String open, Node node, String close) {
        line();
        out.append(open);
        line();
        children(node);
        line();
        out.append(close);
        line();
    }

    /** An element that starts and ends a line (paragraphs, table rows). */
    private void lines(String open, Node node, String close) {
        line();
        out.append(open);
        boundary();
        children(node);
        out.append(close);
        line();
    }

    /** Ends the line unless it is empty, as flexmark's line() does. */
    private void line() {
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) != '\n') out.append('\n');
        boundary();
    }

    private void newline() {
        out.append('\n');
        boundary();
    }

    /**
     * For the plain text: a tag that is not inline was written, or a line end (white space, which reads the same).
     * A second one in a row changes nothing, so a tag followed by line() or newline() needs no call of its own.
     */
    private void boundary() {
        if (plain != null) plain.boundary();
    }

    /** Text outside a pre element; flexmark drops white space at the start of a line, which this leaves to flexmark. */
    private void text(String text) {
        if (text.isEmpty()) return;
        char first = text.charAt(0);
        int length = out.length();
        if ((first == ' ' || first == '\t') && (length == 0 || out.charAt(length - 1) == '\n')) throw UNSUPPORTED;
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) throw UNSUPPORTED;
        escape(text);
        if (plain != null) plain.append(text);
    }

    /**
     * A text node: as {@code text(unescape(string(chars)))}, in one pass over the body's characters where the text is a
     * stretch of the body without backslashes, entities or line ends (most text), and that way otherwise.
     */
    private void bodyText(BasedSequence text) {
        if (text.getBase() != base || !(text instanceof SubSequence || text instanceof CharSubSequence)) {
            text(unescape(text.toString()));
            return;
        }
        int start = text.getStartOffset();
        int end = text.getEndOffset();
        if (start == end) return;
        char first = chars[start];
        int length = out.length();
        if ((first == ' ' || first == '\t') && (length == 0 || out.charAt(length - 1) == '\n')) throw UNSUPPORTED;
        int from = start;
        // Whether the search text is this stretch as it is: white space only as single spaces between words.
        boolean asIs = first != ' ';
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c >= ESCAPES.length) {
                asIs = false; // a no-break space, perhaps
                continue;
            }
            byte kind = ESCAPES[c];
            if (kind == 0) continue;
            if (kind == SPACE) {
                if (c != ' ' || i == start || chars[i - 1] == ' ') asIs = false;
                continue;
            }
            if (kind == SLOW) {
                out.setLength(length);
                text(unescape(source.substring(start, end)));
                return;
            }
            out.append(source, from, i).append(entity(c));
            from = i + 1;
        }
        out.append(source, from, end);
        if (plain == null) return;
        if (asIs) plain.appendAsIs(source, start, end);
        else plain.append(source, chars, start, end, false);
    }

    /**
     * For {@link #bodyText}: characters written as entities, those that need the general way, and white space (written
     * as it is; for search, a space after a space or any other white space is made one space).
     */
    private static final byte[] ESCAPES = new byte[128];
    private static final byte ENTITY = 1, SLOW = 2, SPACE = 3;

    static {
        for (char c = 0; c <= ' '; c++) ESCAPES[c] = SPACE;
        ESCAPES['<'] = ENTITY;
        ESCAPES['>'] = ENTITY;
        ESCAPES['"'] = ENTITY;
        ESCAPES['&'] = SLOW;
        ESCAPES['\\'] = SLOW;
        ESCAPES['\n'] = SLOW;
        ESCAPES['\r'] = SLOW;
    }

    /** The entity text is escaped as, or null. */
    private static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
        };
    }

    private void preformatted(String text) {
        escape(text);
    }

    private void escape(String text) {
        int from = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            String entity = entity(text.charAt(i));
            if (entity != null) {
                out.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        out.append(text, from, text.length());
    }

    /** An attribute as flexmark writes it: escaped, keeping entities the value already has. */
    private String attribute(String name, String value) {
        // flexmark's escaping matches an entity or one of &<>" with a regular expression, a tenth of this class's time
        // for links; every match starts with one of those four, and most values (URLs, titles) have none of them.
        String escaped = needsEscaping(value) ? Escaping.escapeHtml(value, true) : value;
        out.append(' ').append(name).append("=\"").append(escaped).append('"');
        return escaped;
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') return true;
        }
        return false;
    }

    /**
     * The characters as a string: where they are one stretch of the body (most text is), a copy of that stretch, which
     * is much faster than flexmark's copy a character at a time through its sequences.
     */
    private String string(BasedSequence chars) {
        if (chars.getBase() == base && (chars instanceof SubSequence || chars instanceof CharSubSequence)) {
            return source.substring(chars.getStartOffset(), chars.getEndOffset());
        }
        return chars.toString();
    }

    /** Text with backslash escapes and entities resolved; most text has neither, and skips flexmark's scan. */
    private static String unescape(String text) {
        String plain = text.indexOf('\\') < 0 && text.indexOf('&') < 0 ? text : Escaping.unescapeString(text);
        return plain.indexOf('\r') < 0 ? plain : Escaping.normalizeEOL(plain);
    }
}
