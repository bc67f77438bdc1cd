package dev.sitegen.render;

/** Escaping for the few places that write markup from Java (SVG, XML feeds) rather than through a template. */
final class Html {
    private Html() {}

    /**
     * Escapes markup and keeps only characters XML 1.0 allows, less the C1 controls it discourages: a title holding
     * U+FFFE, a lone surrogate or U+0085 would otherwise make feed.xml a file no feed reader parses.
     */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        if (c < 0x20) return c == '\n' || c == '\t' || c == '\r';
        return !(c >= 0x7f && c <= 0x9f) && !Character.isSurrogate(c) && c != 0xfffe && c != 0xffff;
    }
}
