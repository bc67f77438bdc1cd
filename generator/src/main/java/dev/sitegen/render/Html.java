package dev.sitegen.render;

/** Escaping for the few places that write markup from Java (SVG, XML feeds) rather than through a template. */
final class Html {
    private Html() {}

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
                    // Control characters are not allowed in XML 1.0; drop them.
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') out.append(c);
                }
            }
        }
        return out.toString();
    }
}
