package dev.sitegen.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The link-scheme allow-list, decided on the URL as a browser reads it. */
class LinksTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/", "http://example.org/x?y#z", "mailto:a@example.org", "../x.md", "/a/b/",
            "#anchor", "x.md#y", "?q=1", "HTTPS://EXAMPLE.ORG/"})
    void allowed(String url) {
        assertTrue(Links.isAllowed(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "java\nscript:alert(1)", "jav&#x61;script:alert(1)", "jav&#97;script:alert(1)", "javascript&colon;alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)", "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD4=", "\u0000javascript:alert(1)", "file:///etc/passwd", "jav&amp;#x61;script:x"})
    void refused(String url) {
        assertFalse(Links.isAllowed(url), url);
    }
}
