package dev.sitegen.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A description made from the body: its first sentence, Markdown taken out, headings, code and lists skipped. */
class SummaryTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "HTTP is how browsers talk to servers. It has verbs.|HTTP is how browsers talk to servers.",
            "# Title\\n\\nA **bold** and _quiet_ [link](https://x.org) with `code`.|A bold and quiet link with code.",
            "```\\nnot this.\\n```\\n- nor this\\n> nor this\\n\\nBut this line\\nand its next line. Not this.|But this line and its next line.",
            "Use snake_case names, e.g. my_var. Then go.|Use snake_case names, e.g. my_var.",
            "Version 1.2 is out!|Version 1.2 is out!",
            "![logo](l.png) <b>Raw</b> tags and <https://example.org> links|logo Raw tags and https://example.org links",
            "## Only a heading|\"\"",
    })
    void firstSentenceAsPlainText(String body, String expected) {
        assertEquals(expected, Summary.of(body.replace("\\n", "\n")));
    }

    @org.junit.jupiter.api.Test
    void aLongSentenceIsCutAtAWord() {
        String summary = Summary.of("word ".repeat(100).strip() + ".");
        org.junit.jupiter.api.Assertions.assertTrue(summary.length() <= Summary.MAX, summary);
        org.junit.jupiter.api.Assertions.assertTrue(summary.endsWith(" word…"), "cut after a whole word: " + summary);
    }
}
