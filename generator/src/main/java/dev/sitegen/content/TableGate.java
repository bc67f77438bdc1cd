package dev.sitegen.content;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

import java.util.Set;

/**
 * flexmark's table step (the parser half of its tables extension), asked only about paragraphs whose first line has a
 * {@code |}. flexmark's step turns down every other paragraph too, but after reading that line a character at a time
 * through its sequences, and it compiles a regular expression for every page first: together about 4% of a
 * 10,000-page build, where most paragraphs are prose. The step itself, and so every table, is flexmark's.
 */
final class TableGate implements ParagraphPreProcessorFactory {
    private final ParagraphPreProcessorFactory tables = TableParagraphPreProcessor.Factory();

    /** The parser half of flexmark's tables extension, gated; its renderer half is unchanged. */
    static Parser.ParserExtension extension() {
        return new Parser.ParserExtension() {
            @Override
            public void parserOptions(MutableDataHolder options) {
                // flexmark's tables extension sets none either
            }

            @Override
            public void extend(Parser.Builder builder) {
                builder.paragraphPreProcessorFactory(new TableGate());
            }
        };
    }

    @Override
    public ParagraphPreProcessor apply(ParserState state) {
        return new ParagraphPreProcessor() {
            /** Made at the first paragraph that may be a table: most pages have none. */
            private ParagraphPreProcessor step;

            @Override
            public int preProcessBlock(Paragraph paragraph, ParserState s) {
                if (!mayBeTable(paragraph)) return 0;
                if (step == null) step = tables.apply(state);
                return step.preProcessBlock(paragraph, s);
            }
        };
    }

    /**
     * False only when the paragraph's first line certainly has no {@code |}, which is where flexmark's step returns 0
     * without changing anything; read from the page's characters when the line is a plain slice of them.
     */
    static boolean mayBeTable(Paragraph paragraph) {
        if (paragraph.getLineCount() == 0) return true;
        BasedSequence line = paragraph.getLineChars(0);
        if (!(line instanceof SubSequence || line instanceof CharSubSequence)) return true;
        char[] chars = Markdown.Budget.chars(line.getBase());
        int start = line.getStartOffset();
        int end = line.getEndOffset();
        if (chars == null || end - start != line.length() || start < 0 || end > chars.length) return true;
        for (int i = start; i < end; i++) {
            if (chars[i] == '|') return true;
        }
        return false;
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return tables.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return tables.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return tables.affectsGlobalScope();
    }
}
