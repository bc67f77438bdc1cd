package dev.sitegen.load;

import dev.sitegen.cache.LoadCache;
import dev.sitegen.content.ContentLoader;
import dev.sitegen.content.Fields;
import dev.sitegen.content.Page;
import dev.sitegen.content.SiteConfig;
import dev.sitegen.graph.GraphLoader;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.problem.Suggest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Loads a site folder and checks everything that spans files: topic references, slugs, orphans. */
public final class SiteLoader {
    /** Ids a roadmap cannot take because the site uses those URLs itself. */
    private static Page dated(Page page, Map<Path, LocalDate> committed) {
        LocalDate date = committed.get(page.file().toAbsolutePath().normalize());
        return date == null ? page : page.withUpdated(date);
    }

    static final Set<String> RESERVED_ROADMAP_IDS = Set.of("guides", "assets", "search", "static");

    private final Report report;
    private final ContentLoader loader;

    public SiteLoader(Report report) {
        this(report, null);
    }

    /** With a cache kept from earlier builds (the dev server's), unchanged files are not parsed again. */
    public SiteLoader(Report report, LoadCache cache) {
        this.report = report;
        this.loader = new ContentLoader(report, cache);
    }

    /** Loads the site in {@code dir}; returns null when not even site.yaml is usable. */
    public Site load(Path dir) {
        Path siteDir = dir.toAbsolutePath().normalize();
        Path configFile = siteDir.resolve("site.yaml");
        if (!Files.isDirectory(siteDir)) {
            report.error(siteDir, Pos.UNKNOWN, "site folder not found; start a site there with init (mvn site-gen:init, or site-gen init)");
            return null;
        }
        if (!Files.isRegularFile(configFile)) {
            report.error(configFile, Pos.UNKNOWN, "not found: a site folder needs site.yaml (title, description, baseUrl); init (mvn site-gen:init, or site-gen init) writes one with a first roadmap");
            return null;
        }
        if (!inside(siteDir, configFile)) {
            // Read, it would be quoted back in problems: a link to /etc/passwd would print it into the build log.
            report.error(configFile, Pos.UNKNOWN, "symbolic link points outside the site folder; copy the file in instead");
            return null;
        }
        SiteConfig config = loader.config(configFile);

        Map<String, Page> topics = new ConcurrentSkipListMap<>();
        Path topicsDir = siteDir.resolve("topics");
        List<Path> topicFiles = new ArrayList<>();
        for (Path file : markdownFiles(siteDir, topicsDir, 2)) {
            Path rel = topicsDir.relativize(file);
            if (rel.getNameCount() != 2) {
                report.error(file, Pos.START, "topic files go in topics/<roadmap>/<node>.md; move this file");
                continue;
            }
            String folder = rel.getName(0).toString();
            String stem = stem(rel.getName(1).toString());
            if (!Fields.isId(folder) || !Fields.isId(stem)) {
                report.error(file, Pos.START, "topic path 'topics/" + slash(rel) + "' must use lower-case letters, digits and hyphens"
                        + " (e.g. topics/" + Fields.slugify(folder) + "/" + Fields.slugify(stem) + ".md)");
                continue;
            }
            topicFiles.add(file);
        }
        // Reading and parsing front matter is independent per file; the report is thread-safe and the map sorted.
        topicFiles.parallelStream().forEach(file -> {
            Page page = loader.page(file, Page.Kind.TOPIC, slash(topicsDir.relativize(file)));
            if (page != null) topics.put(page.key(), page);
        });

        List<Page> guides = new ArrayList<>();
        for (Path file : markdownFiles(siteDir, siteDir.resolve("guides"), 1)) {
            String stem = stem(file.getFileName().toString());
            if (!Fields.isId(stem)) {
                report.error(file, Pos.START, "guide file name must be a slug of lower-case letters, digits and hyphens, e.g. " + Fields.slugify(stem) + ".md");
                continue;
            }
            Page page = loader.page(file, Page.Kind.GUIDE, stem + ".md");
            if (page != null) guides.add(page);
        }
        // A page without 'updated' shows its file's last commit date, when the site is in git.
        if (topics.values().stream().anyMatch(p -> p.updated() == null) || guides.stream().anyMatch(p -> p.updated() == null)) {
            Map<Path, LocalDate> committed = GitDates.of(siteDir);
            if (!committed.isEmpty()) {
                topics.replaceAll((k, p) -> p.updated() != null ? p : dated(p, committed));
                guides.replaceAll(p -> p.updated() != null ? p : dated(p, committed));
            }
        }
        Map<String, Page> guideTitles = new HashMap<>();
        for (Page g : guides) {
            if (g.title() == null) continue;
            Page first = guideTitles.putIfAbsent(g.title().trim().toLowerCase(Locale.ROOT), g);
            if (first != null) report.warn(g.file(), Pos.START, "duplicate title '" + g.title() + "' (also guides/" + first.key() + ")");
        }
        guides.sort(Comparator.comparing((Page p) -> p.date() == null ? LocalDate.MIN : p.date()).reversed()
                .thenComparing(Page::slug));

        List<Roadmap> roadmaps = new ArrayList<>();
        Path roadmapsDir = siteDir.resolve("roadmaps");
        GraphLoader graphs = new GraphLoader(loader, report);
        List<Path> graphFiles = new ArrayList<>();
        for (Path file : files(siteDir, roadmapsDir, 1)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".md")) {
                String id = stem(name);
                if (!Files.exists(roadmapsDir.resolve(id + ".yaml")) && !Files.exists(roadmapsDir.resolve(id + ".yml"))) {
                    report.error(file, Pos.START, "roadmap introduction without a skill graph: add roadmaps/" + id + ".yaml or remove this file");
                }
                continue;
            }
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                report.warn(file, Pos.START, "ignored: roadmaps/ holds <id>.yaml skill graphs and <id>.md introductions");
                continue;
            }
            String id = name.substring(0, name.lastIndexOf('.'));
            if (!Fields.isId(id)) {
                report.error(file, Pos.START, "roadmap file name must be an id of lower-case letters, digits and hyphens, e.g. " + Fields.slugify(id) + ".yaml");
                continue;
            }
            if (RESERVED_ROADMAP_IDS.contains(id)) {
                report.error(file, Pos.START, "'" + id + "' is used by the site itself (/" + id + "/); choose another roadmap id");
                continue;
            }
            graphFiles.add(file);
        }
        // Each graph and its introduction read and parsed in parallel, like the topics; then taken in file order.
        Roadmap[] loaded = graphFiles.parallelStream().map(file -> {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.lastIndexOf('.'));
            Path introFile = roadmapsDir.resolve(id + ".md");
            Page intro = Files.isRegularFile(introFile) ? loader.page(introFile, Page.Kind.INTRO, id + ".md") : null;
            return graphs.load(file, id, intro);
        }).toArray(Roadmap[]::new);
        for (int i = 0; i < loaded.length; i++) {
            Roadmap roadmap = loaded[i];
            if (roadmap == null) continue;
            if (roadmaps.stream().anyMatch(r -> r.id().equals(roadmap.id()))) {
                report.error(graphFiles.get(i), Pos.START, "duplicate roadmap id '" + roadmap.id() + "' (both .yaml and .yml exist)");
                continue;
            }
            roadmaps.add(roadmap);
        }
        roadmaps.sort(Comparator.comparingInt(Roadmap::weight).thenComparing(Roadmap::title).thenComparing(Roadmap::id));
        if (roadmaps.isEmpty() && guides.isEmpty() && !report.hasErrors()) {
            report.warn(configFile, Pos.START, "the site has no roadmaps (roadmaps/*.yaml) and no guides (guides/*.md) yet");
        }

        Path staticDir = siteDir.resolve("static");
        Path themeDir = config == null ? null : siteDir.resolve(config.theme()).normalize();
        if (themeDir != null && !themeDir.startsWith(siteDir)) {
            report.error(configFile, Pos.START, "theme folder '" + config.theme() + "' is outside the site folder");
            themeDir = null;
        }
        // Theme files are published (assets) or run (templates): none may be a link to a file outside the site.
        if (themeDir != null && Files.isDirectory(themeDir)) files(siteDir, themeDir, 8);
        return new Site(siteDir, config, roadmaps, topics, guides,
                Files.isDirectory(staticDir) ? staticDir : null, themeDir != null && Files.isDirectory(themeDir) ? themeDir : null,
                loader.fingerprints());
    }

    private List<Path> markdownFiles(Path siteDir, Path dir, int depth) {
        List<Path> out = new ArrayList<>();
        for (Path file : files(siteDir, dir, depth)) {
            if (file.getFileName().toString().endsWith(".md")) out.add(file);
            else report.warn(file, Pos.START, "ignored: only .md files are read here");
        }
        return out;
    }

    /** Regular files below {@code dir}, sorted; links that lead out of the site are refused. */
    private List<Path> files(Path siteDir, Path dir, int depth) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        // One walk with the attributes it reads anyway: resolving every path would cost a system call per folder
        // level per file, ten thousand times over; only symbolic links need it.
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), depth + 1,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                            return !d.equals(dir) && d.getFileName().toString().startsWith(".")
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                            if (p.getFileName().toString().startsWith(".")) return FileVisitResult.CONTINUE;
                            if (a.isSymbolicLink()) {
                                if (!inside(siteDir, p)) {
                                    report.error(p, Pos.UNKNOWN, "symbolic link points outside the site folder; copy the file in instead");
                                    return FileVisitResult.CONTINUE;
                                }
                                if (Files.isRegularFile(p)) out.add(p);
                            } else if (a.isRegularFile()) {
                                out.add(p);
                                loader.knownStat(p, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path p, IOException e) {
                            report.error(p, Pos.UNKNOWN, "cannot read: " + e.getMessage());
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            report.error(dir, Pos.UNKNOWN, "cannot list folder: " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    static boolean inside(Path siteDir, Path file) {
        try {
            return file.toRealPath().startsWith(siteDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String slash(Path rel) {
        return rel.toString().replace('\\', '/');
    }
}
