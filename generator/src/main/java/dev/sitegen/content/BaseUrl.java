package dev.sitegen.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The rule for a site's base URL, from {@code site.yaml} or the command line. Every link on every page starts with its
 * path, so the path must start with exactly one slash: {@code https://example.org//evil.example/} would otherwise make
 * each script a protocol-relative URL on another host.
 */
public final class BaseUrl {
    private BaseUrl() {}

    /** The URL with a trailing slash added, or an {@link IllegalArgumentException} saying in plain words what is wrong. */
    public static URI parse(String text) {
        String withSlash = text.endsWith("/") ? text : text + "/";
        URI uri;
        try {
            uri = new URI(withSlash);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.isOpaque()) {
            throw new IllegalArgumentException("must be an absolute http(s) URL such as https://example.org/learn/");
        }
        if (uri.getRawUserInfo() != null) throw new IllegalArgumentException("must not hold a user name or password");
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("has no host name");
        String authority = host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        if (!authority.equals(uri.getRawAuthority())) throw new IllegalArgumentException("has a host part that is not a plain host name and port");
        if (uri.getRawQuery() != null) throw new IllegalArgumentException("must not have a query (?...)");
        if (uri.getRawFragment() != null) throw new IllegalArgumentException("must not have a fragment (#...)");
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/")) throw new IllegalArgumentException("must have a path that starts with /");
        if (path.contains("//")) throw new IllegalArgumentException("has an empty path segment (//); a path must start and end with one /");
        for (String segment : path.substring(1).split("/")) {
            String decoded = segment.replace("%2e", ".").replace("%2E", ".");
            if (decoded.equals(".") || decoded.equals("..")) throw new IllegalArgumentException("has a '" + segment + "' path segment");
            if (segment.contains("\\") || segment.toLowerCase(Locale.ROOT).contains("%5c") || segment.toLowerCase(Locale.ROOT).contains("%2f")) {
                throw new IllegalArgumentException("has an encoded or back slash in its path");
            }
        }
        return uri;
    }
}
