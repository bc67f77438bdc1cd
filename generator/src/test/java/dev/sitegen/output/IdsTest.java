package dev.sitegen.output;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The anchor scan finds the ids a plain search finds, on pages and on random text made of the pattern's own bytes. */
class IdsTest {
    @Test
    void findsTheIdsOfAPage() {
        String html = "<h2 id=\"intro\">Intro</h2><p id=\"\">x</p><div class=\"a\" id=\"caf\u00e9-\u4e2d\"></div>"
                + "<span data-id=\"no\"></span><a  id=\"two-spaces\"></a><i id=\"unclosed";
        assertEquals(Set.of("intro", "", "caf\u00e9-\u4e2d", "two-spaces"), PageIds.ids(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void agreesWithAPlainSearchOnRandomText() {
        Random random = new Random(7);
        String alphabet = " id=\"x\u00e9";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(6) == 0) text.append(" id=\"");
                else text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String html = text.toString();
            assertEquals(plain(html), PageIds.ids(html.getBytes(StandardCharsets.UTF_8)), html);
        }
    }

    private static Set<String> plain(String html) {
        Set<String> found = new HashSet<>();
        for (int at = 0; (at = html.indexOf(" id=\"", at)) >= 0; ) {
            int end = html.indexOf('"', at + 5);
            if (end < 0) break;
            found.add(html.substring(at + 5, end));
            at = end;
        }
        return found;
    }
}
