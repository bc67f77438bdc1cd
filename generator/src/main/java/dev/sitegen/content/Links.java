package dev.sitegen.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link-scheme allow-list. A browser decodes entities and drops tabs and newlines before it reads a URL's scheme,
 * so {@code jav&#x09;ascript:} is {@code javascript:}; we decode the same way before deciding.
 */
public final class Links {
    public static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?");
    private static final Map<String, String> NAMED = Map.of("colon", ":", "tab", "\t", "newline", "\n", "sol", "/",
            "amp", "&", "lpar", "(", "rpar", ")", "period", ".", "quot", "\"", "apos", "'");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    private Links() {}

    /** The URL as a browser would read it: entities decoded, control characters and white space removed. */
    public static String normalize(String url) {
        String current = url;
        for (int round = 0; round < 3; round++) {
            Matcher m = ENTITY.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
            m.appendTail(out);
            String decoded = out.toString();
            if (decoded.equals(current)) break;
            current = decoded;
        }
        StringBuilder clean = new StringBuilder(current.length());
        current.codePoints().filter(c -> c > 0x20 && !(c >= 0x7f && c <= 0x9f) && !Character.isWhitespace(c)
                && c != 0x200b && c != 0xfeff).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static String decode(String entity, String whole) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            if (entity.startsWith("#")) return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
        } catch (IllegalArgumentException e) {
            return "";
        }
        String named = NAMED.get(entity.toLowerCase(Locale.ROOT));
        return named != null ? named : whole;
    }

    /** The scheme a browser would see, lower-cased, or null for a relative URL. */
    public static String scheme(String url) {
        Matcher m = SCHEME.matcher(normalize(url));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** True for relative URLs and for http, https and mailto. */
    public static boolean isAllowed(String url) {
        String scheme = scheme(url);
        return scheme == null || ALLOWED_SCHEMES.contains(scheme);
    }

    /** Null when {@code url} is an absolute http(s) URL; otherwise what is wrong with it, to follow "resource url ". */
    public static String checkExternal(String url) {
        String scheme = scheme(url);
        if (scheme == null) return "'" + url + "' must be an absolute http(s) URL";
        if (!scheme.equals("http") && !scheme.equals("https")) return "'" + url + "' uses the scheme '" + scheme + "'; only http and https are allowed";
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null) return "'" + url + "' has no host";
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a valid URL: " + e.getReason();
        }
        return null;
    }
}
