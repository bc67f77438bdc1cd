package dev.sitegen.check;

import dev.sitegen.content.Links;
import dev.sitegen.content.Markdown;
import dev.sitegen.plan.Urls;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.problem.Suggest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves the links editors write in Markdown: a relative path to another {@code .md} file or to a file in
 * {@code static/}, a site path ({@code /backend/http/}), an anchor, or an external http(s)/mailto URL. Internal links
 * are rewritten for the base URL and checked; anchors are checked once every page's HTML exists.
 */
public final class LinkResolver {
    /** A link to {@code #anchor} on the page at {@code sitePath}, from a place in a source file. */
    public record AnchorUse(Path from, Pos at, String sitePath, String anchor, String written) {}

    private final Path siteDir;
    private final Urls urls;
    private final Map<Path, String> sourceToPath;
    private final Set<String> sitePaths;
    private final Report report;
    /** Per page (site path): the anchors its Markdown links to, and the site paths it links to. */
    private final Map<String, Set<AnchorUse>> anchors = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> targets = new ConcurrentHashMap<>();

    public LinkResolver(Path siteDir, Urls urls, Map<Path, String> sourceToPath, Set<String> sitePaths, Report report) {
        this.siteDir = siteDir;
        this.urls = urls;
        this.sourceToPath = sourceToPath;
        this.sitePaths = sitePaths;
        this.report = report;
    }

    /** A rewriter for the links of {@code source}, whose page is at {@code pageSitePath}. */
    public Markdown.LinkRewriter forPage(Path source, String pageSitePath) {
        return (url, at, image) -> rewrite(source, pageSitePath, url, at, image);
    }

    private String rewrite(Path source, String pageSitePath, String url, Pos at, boolean image) {
        try {
            return resolve(source, pageSitePath, url, at, image);
        } catch (RuntimeException e) {
            // A last guard: a destination no rule above foresaw is a problem to fix in the page, not a crash.
            report.error(source, at, (image ? "image" : "link") + " '" + url + "' cannot be read as a URL");
            return "#";
        }
    }

    private String resolve(Path source, String pageSitePath, String url, Pos at, boolean image) {
        String trimmed = url.trim();
        if (trimmed.isEmpty()) return url;
        String scheme = Links.scheme(trimmed);
        if (scheme != null) {
            if (scheme.equals("http") || scheme.equals("https")) external(trimmed, source, at);
            if (Links.ALLOWED_SCHEMES.contains(scheme)) return url;
            report.error(source, at, (image ? "image" : "link") + " scheme '" + scheme + ":' is not allowed; use http, https, mailto or a relative link");
            return "#";
        }
        if (trimmed.startsWith("//")) return url; // another host, scheme-relative
        int hash = trimmed.indexOf('#');
        String fragment = hash < 0 ? null : trimmed.substring(hash + 1);
        String beforeHash = hash < 0 ? trimmed : trimmed.substring(0, hash);
        int q = beforeHash.indexOf('?');
        String query = q < 0 ? "" : beforeHash.substring(q);
        String rawPath = q < 0 ? beforeHash : beforeHash.substring(0, q);
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            report.error(source, at, "link '" + url + "' has a broken %-escape");
            return "#";
        }
        String suffix = query + (fragment == null ? "" : "#" + fragment);
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            report.error(source, at, "link '" + url + "' has a NUL or control character in its path");
            return "#";
        }

        if (path.isEmpty()) { // "#anchor" or "?query": this page
            if (fragment != null) anchorsOf(pageSitePath).add(new AnchorUse(source, at, pageSitePath, fragment, url));
            return url;
        }
        String target;
        if (path.startsWith("/")) {
            target = findSitePath(path.substring(1));
            if (target == null) {
                report.error(source, at, "link to '" + trimmed + "': no such page on this site" + suggest(path.substring(1)));
                return url;
            }
        } else {
            Path file = source.getParent().resolve(path).normalize();
            if (!file.startsWith(siteDir)) {
                report.error(source, at, "link '" + url + "' points outside the site folder");
                return "#";
            }
            String mapped = sourceToPath.get(file);
            if (mapped != null) {
                target = mapped;
            } else if (path.endsWith(".md")) {
                String rel = siteDir.relativize(file).toString().replace('\\', '/');
                List<String> known = new ArrayList<>();
                sourceToPath.keySet().forEach(p -> known.add(siteDir.relativize(p).toString().replace('\\', '/')));
                report.error(source, at, "link to missing page '" + rel + "'" + Suggest.didYouMean(rel, known));
                return url;
            } else {
                // A relative URL: resolved against the page's own address, as a browser will.
                String resolved = againstPage(pageSitePath, path);
                target = resolved == null ? null : findSitePath(resolved);
                if (target == null) {
                    report.error(source, at, (image ? "image" : "link") + " '" + url + "' points to nothing on this site"
                            + "; link to a .md file, or put files in static/");
                    return url;
                }
            }
        }
        if (fragment != null && !fragment.isEmpty()) anchorsOf(pageSitePath).add(new AnchorUse(source, at, target, fragment, url));
        targets.computeIfAbsent(pageSitePath, k -> ConcurrentHashMap.newKeySet()).add(target);
        return urls.path(target) + suffix;
    }

    /**
     * A relative path read against the folder of the page at {@code pageSitePath}, dot segments removed as a browser
     * removes them; null when it climbs above the site's root.
     */
    static String againstPage(String pageSitePath, String path) {
        String folder = pageSitePath.substring(0, pageSitePath.lastIndexOf('/') + 1);
        ArrayDeque<String> segments = new ArrayDeque<>();
        String[] parts = (folder + path).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.equals("..")) {
                if (segments.pollLast() == null) return null;
                if (last) segments.add("");
            } else if (part.equals(".")) {
                if (last) segments.add("");
            } else {
                segments.add(part);
            }
        }
        return String.join("/", segments);
    }

    /** The site path as generated, accepting a missing trailing slash or a trailing index.html. */
    private String findSitePath(String path) {
        if (path.endsWith("index.html")) path = path.substring(0, path.length() - "index.html".length());
        if (sitePaths.contains(path)) return path;
        if (!path.endsWith("/") && sitePaths.contains(path + "/")) return path + "/";
        return null;
    }

    private String suggest(String path) {
        return Suggest.didYouMean(path, sitePaths.stream().filter(p -> p.isEmpty() || p.endsWith("/")).toList());
    }

    /** Every external http(s) link of the Markdown rendered in this build, with where it is used. */
    private final Map<String, Set<ExternalLinks.Place>> external = new ConcurrentHashMap<>();

    public void external(String url, Path source, Pos at) {
        external.computeIfAbsent(url, k -> ConcurrentHashMap.newKeySet())
                .add(new ExternalLinks.Place(report.name(source), at));
    }

    public Map<String, Set<ExternalLinks.Place>> externalLinks() {
        return external;
    }

    private Set<AnchorUse> anchorsOf(String page) {
        return anchors.computeIfAbsent(page, k -> ConcurrentHashMap.newKeySet());
    }

    /** The anchors and site paths the Markdown of {@code page} links to, as a cache entry keeps them. */
    public List<AnchorUse> anchorsFrom(String page) {
        return List.copyOf(anchors.getOrDefault(page, Set.of()));
    }

    public Set<String> targetsFrom(String page) {
        return Set.copyOf(targets.getOrDefault(page, Set.of()));
    }

    /** Adds what a page taken from the previous build links to, so it is checked like a freshly rendered one. */
    public void addCached(String page, List<AnchorUse> cachedAnchors, Set<String> cachedTargets) {
        anchorsOf(page).addAll(cachedAnchors);
        if (!cachedTargets.isEmpty()) targets.computeIfAbsent(page, k -> ConcurrentHashMap.newKeySet()).addAll(cachedTargets);
    }

    /** Reports every anchor link whose target page has no element with that id. */
    public void checkAnchors(Function<String, Set<String>> idsOfPage) {
        for (AnchorUse use : anchors.values().stream().flatMap(Set::stream).toList()) {
            Set<String> ids = idsOfPage.apply(use.sitePath());
            if (ids == null) continue; // not an HTML page we made (a static file): nothing to check
            String anchor = URLDecoder.decode(use.anchor().replace("+", "%2B"), StandardCharsets.UTF_8);
            if (!ids.contains(anchor)) {
                report.error(use.from(), use.at(), "link '" + use.written() + "': no heading or element with id '" + anchor + "' on /"
                        + use.sitePath() + Suggest.didYouMean(anchor, ids));
            }
        }
    }
}
