package dev.sitegen.content;

import dev.sitegen.cache.Fingerprint;
import dev.sitegen.cache.LoadCache;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.problem.Suggest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reads site.yaml and Markdown pages into records, reporting every mistake with its position. */
public final class ContentLoader {
    /** Files larger than this are refused: no real page is this long, and it bounds the memory a build takes. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private static final Set<String> SITE_FIELDS = Set.of("title", "description", "baseUrl", "language", "theme", "menu", "markdown", "editUrl");
    private static final Set<String> MENU_FIELDS = Set.of("title", "url");
    private static final Set<String> MARKDOWN_FIELDS = Set.of("allowHtml");
    private static final Set<String> TOPIC_FIELDS = Set.of("title", "description", "updated", "tags", "resources");
    private static final Set<String> GUIDE_FIELDS = Set.of("title", "description", "date", "updated", "tags", "author", "draft");
    private static final Set<String> INTRO_FIELDS = Set.of("updated", "tags");
    private static final Set<String> RESOURCE_FIELDS = Set.of("title", "url", "type");

    private final Yaml yaml = new Yaml();
    private final Report report;
    private final Map<Path, String> fingerprints = new ConcurrentHashMap<>();

    public ContentLoader(Report report) {
        this(report, null);
    }

    /** With {@code cache}, files unchanged since an earlier build are not read and parsed again. */
    public ContentLoader(Report report, LoadCache cache) {
        this.report = report;
        this.cache = cache;
    }

    private final LoadCache cache;

    /**
     * The cached result of parsing {@code file} as {@code as}, its problems reported again, or null: then parse it and
     * hand the result to {@link #remember}. A file parsed before and found unusable is a hit whose value is null.
     */
    public LoadCache.Entry cached(Path file, String as) {
        if (cache == null) return null;
        LoadCache.Entry e = cache.get(file, as, stat(file));
        if (e == null) return null;
        e.problems().forEach(report::add);
        fingerprints.put(file.toAbsolutePath().normalize(), e.fingerprint());
        return e;
    }

    /** Size and time of files seen while listing folders, so the cache needs no second look at each. */
    private final Map<Path, long[]> stats = new ConcurrentHashMap<>();

    public void knownStat(Path file, long size, long modified) {
        if (cache != null) stats.put(file, new long[] {size, modified});
    }

    private long[] stat(Path file) {
        long[] known = stats.get(file);
        return known != null ? known : LoadCache.stat(file);
    }

    public void remember(Path file, String as, long[] stat, Object value) {
        if (cache == null) return;
        String name = report.name(file);
        cache.put(file, as, stat, value, fingerprints.getOrDefault(file.toAbsolutePath().normalize(), ""),
                report.problems().stream().filter(p -> p.file().equals(name)).toList());
    }

    /** Reads a text file as UTF-8, or reports why it cannot and returns null. */
    public String read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                report.error(file, Pos.START, "file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB; split it up");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            // The lenient decoder is the fast one (ASCII is copied as it is); it turns bad bytes into U+FFFD, so only a
            // text that has one is decoded again, strictly, to tell a bad file from one that contains the character.
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            }
            fingerprints.put(file.toAbsolutePath().normalize(), Fingerprint.of(bytes));
            return text;
        } catch (NoSuchFileException e) {
            report.error(file, Pos.UNKNOWN, "file not found");
        } catch (CharacterCodingException e) {
            report.error(file, Pos.START, "file is not valid UTF-8 text");
        } catch (IOException e) {
            report.error(file, Pos.UNKNOWN, "cannot read file: " + e.getMessage());
        }
        return null;
    }

    /** A content hash of every file read so far, by absolute path: incremental builds compare them. */
    public Map<Path, String> fingerprints() {
        return Map.copyOf(fingerprints);
    }

    /** Parses a YAML document, reporting syntax problems; null when there is nothing usable. */
    public YamlNode yaml(Path file, String text, int lineOffset) {
        Yaml.Result result = yaml.parse(text, lineOffset);
        result.failures().forEach(f -> report.error(file, f.at(), f.message()));
        return result.root();
    }

    public SiteConfig config(Path file) {
        String text = read(file);
        if (text == null) return null;
        YamlNode root = yaml(file, text, 0);
        if (root == null) {
            if (text.isBlank()) report.error(file, Pos.START, "site.yaml is empty; it needs at least title, description and baseUrl");
            return null;
        }
        YamlNode.Mapping map = Fields.mapping(root, file, report, "site.yaml");
        if (map == null) return null;
        Fields f = new Fields(map, file, report, SITE_FIELDS, "site.yaml");
        String title = f.string("title", true);
        String description = f.string("description", true);
        String base = f.string("baseUrl", true);
        URI baseUrl = null;
        if (base != null) {
            try {
                baseUrl = BaseUrl.parse(base);
            } catch (IllegalArgumentException e) {
                report.error(file, f.at("baseUrl"), "baseUrl '" + base + "' " + e.getMessage());
            }
        }
        String language = f.has("language") ? f.string("language", false) : "en";
        if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            report.error(file, f.at("language"), "language '" + language + "' is not a language tag such as en or pt-BR");
            language = "en";
        }
        String theme = f.has("theme") ? f.string("theme", false) : "theme";
        if (theme != null && !isFolderInside(theme)) {
            // Checked before it becomes a path: '../x', '/etc', 'C:\x' or a NUL byte must not reach the file system.
            report.error(file, f.at("theme"), "theme '" + theme + "' must be a folder inside the site, such as theme or themes/mine"
                    + " (no '..', absolute path, drive letter, backslash or control character)");
            theme = "theme";
        }
        List<MenuItem> menu = new ArrayList<>();
        for (YamlNode.Mapping item : f.mappings("menu", "menu item")) {
            Fields m = new Fields(item, file, report, MENU_FIELDS, "menu item");
            String itemTitle = m.string("title", true);
            String url = m.string("url", true);
            if (itemTitle != null && url != null) menu.add(new MenuItem(itemTitle, url, m.at("url")));
        }
        boolean allowHtml = false;
        if (f.has("markdown")) {
            YamlNode.Mapping md = Fields.mapping(f.node("markdown"), file, report, "'markdown'");
            if (md != null) allowHtml = new Fields(md, file, report, MARKDOWN_FIELDS, "markdown settings").bool("allowHtml", false);
        }
        if (title == null || description == null || baseUrl == null) return null;
        String editUrl = f.string("editUrl", false);
        if (editUrl != null) {
            String problem = Links.checkExternal(editUrl);
            if (problem != null) {
                report.error(file, f.at("editUrl"), "editUrl " + problem);
                editUrl = null;
            } else if (!editUrl.endsWith("/")) {
                editUrl += "/"; // the file's path is appended: .../edit/main/content/ + topics/web/css.md
            }
        }
        return new SiteConfig(file, title, description, baseUrl, language, theme, menu, allowHtml, editUrl);
    }

    /** A relative path of at most 255 characters that stays inside the folder it is resolved against. */
    static boolean isFolderInside(String path) {
        if (path.isBlank() || path.length() > 255 || path.startsWith("/") || path.contains("\\") || path.contains(":")) return false;
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return false;
        return Arrays.stream(path.split("/")).noneMatch(".."::equals);
    }

    /**
     * Reads one Markdown page of the given kind. Returns null (with problems reported) when the page cannot be used;
     * a page with bad optional fields is still returned so later stages can report their own problems too.
     */
    public Page page(Path file, Page.Kind kind, String key) {
        LoadCache.Entry hit = cached(file, kind + ":" + key);
        if (hit != null) return LoadCache.value(hit, Page.class);
        long[] stat = stat(file);
        Page page = parsePage(file, kind, key);
        remember(file, kind + ":" + key, stat, page);
        return page;
    }

    private Page parsePage(Path file, Page.Kind kind, String key) {
        String text = read(file);
        if (text == null) return null;
        FrontMatter fm = FrontMatter.split(text);
        if (fm.unclosed()) {
            report.error(file, Pos.START, "front matter starts with '---' but has no closing '---' line");
            return null;
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        Set<String> known = switch (kind) {
            case TOPIC -> TOPIC_FIELDS;
            case GUIDE -> GUIDE_FIELDS;
            case INTRO -> INTRO_FIELDS;
        };
        String what = switch (kind) {
            case TOPIC -> "topic front matter";
            case GUIDE -> "guide front matter";
            case INTRO -> "roadmap introduction front matter";
        };
        YamlNode.Mapping map = null;
        if (fm.yaml() != null) {
            YamlNode root = yaml(file, fm.yaml(), 1);
            if (root != null) map = Fields.mapping(root, file, report, "front matter");
        }
        if (map == null) {
            if (kind == Page.Kind.INTRO) {
                return new Page(kind, file, key, stem, null, null, null, null, List.of(), null, List.of(), fm.body(), fm.bodyLine(), false);
            }
            // A topic needs no front matter: its title is its node's, its description the body's first sentence.
            if (kind == Page.Kind.TOPIC && fm.yaml() == null) {
                return new Page(kind, file, key, stem, null, Summary.of(fm.body()), null, null, List.of(), null, List.of(), fm.body(), fm.bodyLine(), false);
            }
            if (fm.yaml() == null) report.error(file, Pos.START, "missing front matter: start the file with a '---' block"
                    + " with title, description and date");
            return null;
        }
        Fields f = new Fields(map, file, report, known, what);
        boolean topic = kind == Page.Kind.TOPIC;
        String title = kind == Page.Kind.INTRO ? null : f.string("title", kind == Page.Kind.GUIDE);
        String description = kind == Page.Kind.INTRO ? null : f.string("description", false);
        // Optional: without one (or with an empty one), the body's first sentence.
        if (kind != Page.Kind.INTRO && (description == null || description.isBlank())) description = Summary.of(fm.body());
        var date = kind == Page.Kind.GUIDE ? f.date("date", true) : null;
        var updated = f.date("updated", false); // when missing, the file's last commit date (load/GitDates)
        List<String> tags = f.strings("tags");
        String author = kind == Page.Kind.GUIDE ? f.string("author", false) : null;
        List<Resource> resources = topic ? resources(f, file) : List.of();
        boolean draft = kind == Page.Kind.GUIDE && f.bool("draft", false);
        return new Page(kind, file, key, stem, title, description, date, updated, tags, author, resources, fm.body(), fm.bodyLine(), draft);
    }

    /** The {@code resources} list of a topic's front matter or a skill-graph node. */
    public List<Resource> resources(Fields f, Path file) {
        List<Resource> resources = new ArrayList<>();
        for (YamlNode.Mapping item : f.mappings("resources", "resource")) {
            Fields r = new Fields(item, file, report, RESOURCE_FIELDS, "resource");
            String title = r.string("title", true);
            String url = r.string("url", true);
            String type = r.string("type", true);
            if (type != null && !Resource.TYPES.contains(type)) {
                report.error(file, r.at("type"), "resource type '" + type + "' is not one of " + String.join(", ", Resource.TYPES)
                        + Suggest.didYouMean(type, Resource.TYPES));
                type = null;
            }
            if (url != null) {
                String problem = Links.checkExternal(url);
                if (problem != null) {
                    report.error(file, r.at("url"), "resource url " + problem);
                    url = null;
                }
            }
            if (title != null && url != null && type != null) resources.add(new Resource(title, url, type, r.at("title")));
        }
        return resources;
    }
}
