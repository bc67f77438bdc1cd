package dev.sitegen.content;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

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
 * with many of them was read once per match. The matches and the parser's position are the same as flexmark's.
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
