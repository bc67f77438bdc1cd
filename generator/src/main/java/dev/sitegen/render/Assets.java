package dev.sitegen.render;

import dev.sitegen.load.Site;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.SafePath;
import dev.sitegen.plan.Urls;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Problem;
import dev.sitegen.problem.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The theme's assets as published: CSS and JavaScript under a name with a hash of their bytes
 * ({@code assets/css/site.3f2a9c01be.css}), so a host may cache them for ever; other files under their own name.
 *
 * <p>Scripts are ES modules that import each other by relative specifier ({@code import {read} from './store.js'}).
 * Each such specifier is rewritten to the published name of the file it names ({@code './store.5be01c9a3f.js'})
 * before the importer's own hash is taken. So a change in a module renames every module that imports it, directly or
 * through others, and a browser never mixes a cached old module with a new one. That is why scripts are published in
 * dependency order, and why an import cycle (no order exists) or an import of a file the theme lacks is a problem.
 */
final class Assets {
    /**
     * A relative specifier where a module names another: {@code from './x.js'} (in {@code import} and {@code export}),
     * {@code import './x.js'} and {@code import('./x.js')}. Group 1 is the quote, group 2 the specifier. It scans the
     * text rather than parsing it, so the same words in a comment or a string count too: the theme's scripts avoid that.
     */
    private static final Pattern IMPORT =
            Pattern.compile("(?<![\\w$.])(?:from\\s*|import\\s*(?:\\(\\s*)?)(['\"])(\\.{1,2}/[^'\"\\r\\n]*)\\1");

    private final Theme theme;
    private final Urls urls;
    private final Report report;
    private final Site site;

    Assets(Theme theme, Urls urls, Report report, Site site) {
        this.theme = theme;
        this.urls = urls;
        this.report = report;
        this.site = site;
    }

    /**
     * The theme's files, where each is written to, the scripts each script imports, and the output: what one
     * {@link #write} works on.
     */
    private record Run(Map<String, byte[]> files, Map<String, String> paths, Map<String, List<String>> imports, OutputDir out) {}

    /**
     * What {@link #write} published. {@code urls}: the URL of each asset by its name below {@code assets/}
     * ({@code js/site.js}). {@code preloads}: for each script that imports others, the URLs of every module it needs,
     * directly or through static imports, in the order they are first met; a page names them in {@code <link rel=modulepreload>}
     * so the browser fetches the whole chain at once instead of one import level per round trip.
     */
    record Published(Map<String, String> urls, Map<String, List<String>> preloads) {}

    /** Writes every asset. */
    Published write(OutputDir out) throws IOException {
        Run run = new Run(theme.assets(), new TreeMap<>(), new TreeMap<>(), out);
        for (String name : run.files().keySet()) publish(name, run, List.of());
        Map<String, String> assets = new TreeMap<>();
        run.paths().forEach((name, path) -> {
            if (path != null) assets.put(name, urls.path(path));
        });
        Map<String, List<String>> preloads = new TreeMap<>();
        for (String name : run.imports().keySet()) {
            Set<String> needed = new LinkedHashSet<>();
            addImports(name, run.imports(), needed);
            List<String> found = needed.stream().map(assets::get).filter(Objects::nonNull).toList();
            if (!found.isEmpty()) preloads.put(name, found);
        }
        return new Published(assets, preloads);
    }

    /** Adds what {@code script} imports, directly or through others, to {@code needed} (no cycle: they were refused). */
    private static void addImports(String script, Map<String, List<String>> imports, Set<String> needed) {
        for (String target : imports.getOrDefault(script, List.of())) {
            if (needed.add(target)) addImports(target, imports, needed);
        }
    }

    /**
     * Writes one asset, after the scripts it imports, and returns its path below the output (null if it has none).
     * {@code importers} are the scripts whose imports led here, outermost first: meeting one of them again is a cycle.
     */
    private String publish(String name, Run run, List<String> importers) {
        if (run.paths().containsKey(name)) return run.paths().get(name);
        byte[] bytes = run.files().get(name);
        if (name.endsWith(".js")) bytes = rewriteImports(name, bytes, run, importers);
        String path = "assets/" + name;
        if (name.endsWith(".css") || name.endsWith(".js")) {
            int dot = name.lastIndexOf('.');
            path = "assets/" + name.substring(0, dot) + "." + hash(bytes) + name.substring(dot);
        }
        String problem = SafePath.problem(path);
        if (problem != null) {
            problem(name, Pos.UNKNOWN, "theme asset " + problem);
            path = null;
        } else {
            run.out().write(path, bytes);
        }
        run.paths().put(name, path);
        return path;
    }

    /**
     * The script with each relative import naming its file's published name: {@code from './store.js'} becomes
     * {@code from './store.5be01c9a3f.js'}. A specifier that cannot be rewritten is reported and left as written.
     */
    private byte[] rewriteImports(String name, byte[] bytes, Run run, List<String> importers) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = IMPORT.matcher(text);
        if (!m.find()) return bytes;
        List<String> chain = new ArrayList<>(importers);
        chain.add(name);
        StringBuilder out = new StringBuilder(text.length() + 64);
        do {
            String specifier = m.group(2);
            String target = resolve(name, specifier);
            Pos at = position(text, m.start(1));
            String published = null;
            if (target == null || !run.files().containsKey(target)) {
                problem(name, at, "import '" + specifier + "' names no file of the theme"
                        + (target == null ? "" : " (assets/" + target + ")"));
            } else if (chain.contains(target)) {
                List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(target), chain.size()));
                cycle.add(target);
                problem(name, at, "import cycle: " + String.join(" → ", cycle) + "; a module must not import itself, even through others");
            } else {
                published = publish(target, run, chain);
                // A dynamic import('./x.js') loads when the script asks for it: preloading it would undo that.
                if (m.group(0).indexOf('(') < 0) run.imports().computeIfAbsent(name, k -> new ArrayList<>()).add(target);
            }
            // Only the file name changes: the specifier keeps its folders ("../", "./lib/").
            String rewritten = published == null ? specifier
                    : specifier.substring(0, specifier.lastIndexOf('/') + 1) + published.substring(published.lastIndexOf('/') + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(text.substring(m.start(), m.start(2)) + rewritten + m.group(1)));
        } while (m.find());
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The asset a relative specifier names, from the importing script's folder ({@code ./store.js} in
     * {@code js/progress.js} is {@code js/store.js}), or null when it climbs out of {@code assets/}.
     */
    static String resolve(String importer, String specifier) {
        List<String> parts = new ArrayList<>(List.of(importer.split("/")));
        parts.remove(parts.size() - 1);
        for (String part : specifier.split("/", -1)) {
            if (part.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else if (!part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** The 1-based line and column of a character of {@code text}. */
    private static Pos position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Pos(line, offset - lineStart + 1);
    }

    /** Reports a problem in an asset: in the site's own file when it replaces the default theme's, else in the default theme. */
    private void problem(String name, Pos at, String message) {
        Path own = site.themeDir() == null ? null : site.themeDir().resolve("assets").resolve(name);
        if (own != null && Files.isRegularFile(own)) report.error(own, at, message);
        else report.add(Problem.error("theme:default/assets/" + name, at.line(), at.column(), message));
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
