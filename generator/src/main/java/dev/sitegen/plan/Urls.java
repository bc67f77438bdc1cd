package dev.sitegen.plan;

import java.net.URI;

/**
 * The one place that makes URLs. Pages are addressed by site paths ({@code backend/http/}, {@code ""} for the home page);
 * links in pages are root-relative with the base URL's path in front ({@code /learn/backend/http/}), so a site works
 * at a host's root or under a sub-path; canonical and feed URLs are absolute.
 */
public record Urls(URI baseUrl) {

    public static String roadmap(String id) {
        return id + "/";
    }

    /** The printable roadmap, with every topic's text. Topic slugs cannot be "print" for this reason. */
    public static String print(String id) {
        return id + "/print/";
    }

    public static String topic(String topicKey) {
        return (topicKey.endsWith(".md") ? topicKey.substring(0, topicKey.length() - 3) : topicKey) + "/";
    }

    public static String guide(String slug) {
        return "guides/" + slug + "/";
    }

    public static final String GUIDES = "guides/";

    /** The file a site path is written to: pages ({@code x/}) become {@code x/index.html}. */
    public static String file(String sitePath) {
        return sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath;
    }

    public String basePath() {
        String path = baseUrl.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** A root-relative link to a site path. */
    public String path(String sitePath) {
        return basePath() + sitePath;
    }

    /** An absolute URL of a site path. */
    public String absolute(String sitePath) {
        return baseUrl.toString() + sitePath;
    }
}
