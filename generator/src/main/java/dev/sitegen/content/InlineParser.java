package dev.sitegen.content;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, with its regular-expression matches taken from the matcher itself. flexmark asks the
 * matcher for {@code toMatchResult()}, which on Java 17 copies the whole paragraph, character by character through
 * flexmark's sequences, for every match: for backticks, link titles and white space around link parts (its
 * {@code matchWithGroups} does too, but nothing in flexmark calls it). A paragraph
 * with many of them was read once per match. The matches and the parser's position are the same as flexmark's. Plain
 * text between the characters it handles is found in the body's characters (see {@link #parseString}).
 *
 * <p>Why it stays, though it extends flexmark's internal {@code InlineParserImpl} (the renovation dropped the other
 * such trick, a gate on the tables step that bought 3-4 %): it is not only faster. With flexmark's own parser a
 * paragraph of many links or code spans is read once per match, quadratic, and the reading budget then refuses real
 * if unusual text (MarkdownLimitsTest: 140,000 links in one paragraph). MarkdownTest proves it parses as flexmark does;
 * a flexmark upgrade must pass both before it lands.
 */
final class InlineParser extends InlineParserImpl {
    /**
     * The builder, set to parse with this parser. flexmark adds its reference-definition step only for its own inline
     * parser, so it is added here as flexmark would: after the extensions' steps, in dependency order.
     */
    static Parser.Builder use(Parser.Builder builder) {
        return builder.customInlineParserFactory(InlineParser::new).paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
    }

    private InlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                         Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                         List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
    }

    /** {@link #specialCharacters} as a table, and the set it was made from (flexmark changes the set in place). */
    private boolean[] special = new boolean[0];
    private final BitSet specialMadeFrom = new BitSet();

    /** The table of the special characters as they are now. */
    private boolean[] special() {
        if (!specialCharacters.equals(specialMadeFrom)) {
            special = new boolean[specialCharacters.length()];
            for (int c = specialCharacters.nextSetBit(0); c >= 0; c = specialCharacters.nextSetBit(c + 1)) special[c] = true;
            specialMadeFrom.clear();
            specialMadeFrom.or(specialCharacters);
        }
        return special;
    }

    /**
     * Plain text up to the next character the parser handles, as flexmark finds it, but read from the body's characters
     * where the paragraph is one stretch of them (most are): flexmark reads each character through two sequences and a
     * BitSet, a sixth of its parsing time under C1. The budget is charged as for flexmark's reads.
     */
    @Override
    protected boolean parseString() {
        char[] chars = input instanceof SubSequence ? Budget.chars(input.getBase()) : null;
        if (chars == null) return super.parseString();
        int begin = index;
        int length = input.length();
        int offset = input.getStartOffset();
        boolean[] table = special();
        int end = begin;
        while (end != length) {
            char c = chars[offset + end];
            if (c == '\0') c = '\uFFFD'; // as flexmark's sequences read it
            if (c < table.length && table[c]) break;
            end++;
        }
        // flexmark's loop reads the character it stops at too
        if (!Budget.charge(input.getBase(), end - begin + (end != length ? 1 : 0))) return super.parseString();
        index = end;
        if (begin == end) return false;
        appendText(input, begin, end);
        return true;
    }

    /** The next match from the parser's position on, moving past it; null (and the position kept) if none. */
    @Override
    public BasedSequence match(Pattern re) {
        if (index >= input.length()) return null;
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) return null;
        index = m.end();
        return input.subSequence(m.start(), m.end());
    }
}
