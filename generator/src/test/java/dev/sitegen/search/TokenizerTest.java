package dev.sitegen.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "Cache-Control: max-age=300 | cache control max age 300",
            "Café-Crème, HTTP/2 | cafe creme http",
            "The OWASP Top Ten is a list | owasp top ten list",
            "node.js and C# | node js",
            "naïve   résumé | naive resume",
            "<img src=x onerror=alert(1)> | img src onerror alert",
            "Ünïcödé ΣΊΣΥΦΟΣ 東京 | unicode σισυφος 東京"})
    void wordsAreLowerCaseWithoutAccentsStopWordsOrSingleLetters(String text, String words) {
        assertEquals(Arrays.asList(words.split(" ")), Tokenizer.words(text));
    }

    @Test
    void tokensKeepTheirPlaceInTheOriginalText() {
        String text = "Use Cache-Control.";
        List<Tokenizer.Token> tokens = Tokenizer.tokens(text);
        assertEquals(List.of("use", "cache", "control"), tokens.stream().map(Tokenizer.Token::word).toList());
        assertEquals("Cache", text.substring(tokens.get(1).start(), tokens.get(1).end()));
        assertEquals("Control", text.substring(tokens.get(2).start(), tokens.get(2).end()));
    }
}
