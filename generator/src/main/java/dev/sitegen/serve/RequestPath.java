package dev.sitegen.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a request's raw path into a relative file path, or refuses it. */
final class RequestPath {
    private RequestPath() {}

    /**
     * The decoded path without its leading slash, or null for anything that could name a place outside the site:
     * dot segments (in any %-encoding), backslashes, NUL and other control characters, bad %-escapes, invalid UTF-8, and a
     * second leading slash (an absolute path once the first is taken off).
     */
    static String decode(String raw) {
        if (raw == null || !raw.startsWith("/")) return null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                return null; // a raw path is ASCII
            } else {
                bytes.write(c);
            }
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (path.indexOf('\\') >= 0 || path.indexOf('%') >= 0) return null; // no double encoding, no Windows separators
        for (int i = 0; i < path.length(); i++) if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7f) return null;
        if (path.startsWith("//")) return null; // would resolve as an absolute path
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.contains(":")) return null;
        }
        return path.substring(1);
    }
}
