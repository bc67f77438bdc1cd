package dev.sitegen.content;

import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes new content files with valid front matter: {@code init} (a whole starter site), {@code new roadmap|topic|guide}. A new topic is also added as a
 * node at the end of its skill graph's {@code nodes} list, in the stage given or the first; the graph file is edited as
 * text, so its comments and layout stay as the editor wrote them. A topic named after a node already in the graph that
 * has no page gets its page and leaves the graph alone. Never overwrites a file.
 */
public final class Scaffold {
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s*(\\{)?");
    private static final Pattern STAGE_ID = Pattern.compile("^\\s*-\\s*\\{?\\s*id:\\s*([a-z0-9-]+)");

    private final Path siteDir;
    private final Report report;
    private final LocalDate today;

    public Scaffold(Path siteDir, Report report, LocalDate today) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.report = report;
        this.today = today;
    }

    /** The files made or changed, relative to the site folder; empty when there were problems (reported). */
    public List<String> create(String kind, String roadmap, String name, String stage) {
        if ("site".equals(kind)) return init();
        if (name == null || name.isBlank()) {
            report.error(siteDir, Pos.UNKNOWN, "give the new " + (kind == null ? "page" : kind) + " a name, e.g. \"Message queues\"");
            return List.of();
        }
        String slug = Fields.slugify(name);
        try {
            return switch (kind == null ? "" : kind) {
                case "site" -> init();
                case "roadmap" -> roadmap(slug, name);
                case "topic" -> topic(roadmap, slug, name, stage);
                case "guide" -> guide(slug, name);
                default -> {
                    report.error(siteDir, Pos.UNKNOWN, "unknown kind '" + kind + "': use site, roadmap, topic or guide");
                    yield List.of();
                }
            };
        } catch (IOException e) {
            report.error(siteDir, Pos.UNKNOWN, "cannot write: " + e.getMessage());
            return List.of();
        }
    }

    /** The starter site's files, below {@code site-gen/starter/} on the class path, as listed in its {@code files.txt}. */
    static final String STARTER = "site-gen/starter/";

    /**
     * Turns an empty or missing folder into a working site: the starter site (site.yaml, a roadmap with its topic
     * pages, a guide), written to be copied from. Writes nothing if the folder already holds a site.yaml or any file
     * the starter would write. Returns the files written.
     */
    public List<String> init() {
        try {
            if (Files.exists(siteDir.resolve("site.yaml"))) {
                report.error(siteDir.resolve("site.yaml"), Pos.UNKNOWN, "this folder is a site already; nothing was written");
                return List.of();
            }
            if (Files.exists(siteDir) && !Files.isDirectory(siteDir)) {
                report.error(siteDir, Pos.UNKNOWN, "is a file, not a folder; nothing was written");
                return List.of();
            }
            List<String> files = starterFiles();
            boolean clash = false;
            for (String name : files) clash |= exists(siteDir.resolve(name));
            if (clash) return List.of();
            ClassLoader loader = Scaffold.class.getClassLoader();
            for (String name : files) {
                try (var in = loader.getResourceAsStream(STARTER + name)) {
                    if (in == null) throw new IOException("the starter file " + name + " is missing from site-gen's jar");
                    Path file = siteDir.resolve(name);
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
            return files;
        } catch (IOException e) {
            report.error(siteDir, Pos.UNKNOWN, "cannot write: " + e.getMessage());
            return List.of();
        }
    }

    private static List<String> starterFiles() throws IOException {
        try (var in = Scaffold.class.getClassLoader().getResourceAsStream(STARTER + "files.txt")) {
            if (in == null) throw new IOException("the starter site is missing from site-gen's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private List<String> roadmap(String id, String title) throws IOException {
        Path file = siteDir.resolve("roadmaps").resolve(id + ".yaml");
        if (exists(file)) return List.of();
        write(file, """
                title: %s
                description: %s
                stages:
                  - id: basics
                    title: Basics
                  - id: advanced
                    title: Advanced
                nodes: []
                """.formatted(yamlString(title), yamlString("What a learner can do after following " + title + ".")));
        return List.of(rel(file));
    }

    private List<String> guide(String slug, String title) throws IOException {
        Path file = siteDir.resolve("guides").resolve(slug + ".md");
        if (exists(file)) return List.of();
        write(file, """
                ---
                title: %s
                description: %s
                date: %s
                tags: []
                ---
                ## Introduction

                """.formatted(yamlString(title), yamlString("A guide to " + title + "."), today));
        return List.of(rel(file));
    }

    private List<String> topic(String roadmap, String id, String title, String stage) throws IOException {
        if (roadmap == null || roadmap.isBlank()) {
            List<String> roadmaps = roadmapIds();
            if (roadmaps.size() != 1) {
                report.error(siteDir, Pos.UNKNOWN, roadmaps.isEmpty()
                        ? "the site has no roadmap yet; make one first (kind roadmap)"
                        : "say which roadmap the topic belongs to: " + String.join(", ", roadmaps));
                return List.of();
            }
            roadmap = roadmaps.get(0);
        }
        if (!Fields.isId(roadmap)) {
            report.error(siteDir, Pos.UNKNOWN, "roadmap '" + roadmap + "' is not a roadmap id (lower-case letters, digits and hyphens)");
            return List.of();
        }
        Path graph = siteDir.resolve("roadmaps").resolve(roadmap + ".yaml");
        if (!Files.isRegularFile(graph)) {
            List<String> roadmaps = roadmapIds();
            report.error(siteDir, Pos.UNKNOWN, "no roadmap '" + roadmap + "'"
                    + (roadmaps.isEmpty() ? "; make it first (kind roadmap)" : "; the site's roadmaps are " + String.join(", ", roadmaps)));
            return List.of();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(graph, StandardCharsets.UTF_8));
        // A node already in the graph, named by its id or its title, that has no page yet: write the page only.
        YamlNode.Mapping existing = node(Files.readString(graph, StandardCharsets.UTF_8), id, title);
        if (existing != null) {
            String nodeId = text(existing, "id");
            String topicRef = text(existing, "topic");
            Path page = topicRef != null ? siteDir.resolve("topics").resolve(topicRef).normalize()
                    : siteDir.resolve("topics").resolve(roadmap).resolve(nodeId + ".md");
            if (!page.startsWith(siteDir.resolve("topics"))) {
                report.error(graph, existing.at(), "node '" + nodeId + "' names a topic outside topics/: " + topicRef);
                return List.of();
            }
            if (exists(page)) return List.of();
            String nodeTitle = text(existing, "title");
            writeTopic(page, nodeTitle != null ? nodeTitle : title);
            return List.of(rel(page));
        }
        if (lines.stream().anyMatch(l -> l.matches("^\\s*-?\\s*\\{?\\s*id:\\s*" + Pattern.quote(id) + "\\s*[,}]?.*"))) {
            report.error(graph, Pos.UNKNOWN, "roadmap '" + roadmap + "' already has a stage with id '" + id + "'; give the topic another name");
            return List.of();
        }
        Path file = siteDir.resolve("topics").resolve(roadmap).resolve(id + ".md");
        if (exists(file)) return List.of();
        int nodes = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).matches("^nodes:\\s*(\\[\\]\\s*)?(#.*)?$")) nodes = i;
        if (nodes < 0) {
            report.error(graph, Pos.UNKNOWN, "cannot find the top-level 'nodes:' list to add the topic to");
            return List.of();
        }
        List<String> stages = stageIds(lines);
        String chosenStage = stage != null && !stage.isBlank() ? stage : stages.isEmpty() ? "basics" : stages.get(0);
        // The stage is written into the graph as it is, so it must be one of the graph's stage ids and nothing more.
        if (!Fields.isId(chosenStage) || !stages.isEmpty() && !stages.contains(chosenStage)) {
            report.error(graph, Pos.UNKNOWN, "stage '" + chosenStage + "' is not a stage of roadmap '" + roadmap + "'"
                    + (stages.isEmpty() ? "" : "; its stages are " + String.join(", ", stages)));
            return List.of();
        }
        // The nodes block ends at the next top-level key; the new node goes after its last indented line, so comments
        // and blank lines that follow the list stay where they are.
        int end = nodes + 1;
        for (int i = nodes + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) continue;
            if (!l.startsWith(" ") && !l.startsWith("-")) break;
            end = i + 1;
        }
        String indent = "  ";
        boolean flow = false;
        for (int i = nodes + 1; i < end; i++) {
            Matcher m = ITEM.matcher(lines.get(i));
            if (m.find()) { // the first item shows how the editor writes the list
                indent = m.group(1);
                flow = m.group(2) != null;
                break;
            }
        }
        List<String> node = flow
                ? List.of(indent + "- {id: " + id + ", title: " + yamlString(title) + ", stage: " + chosenStage + "}")
                : List.of(indent + "- id: " + id, indent + "  title: " + yamlString(title), indent + "  stage: " + chosenStage);
        if (lines.get(nodes).matches("^nodes:\\s*\\[\\]\\s*(#.*)?$")) lines.set(nodes, "nodes:");
        lines.addAll(end, node);
        writeTopic(file, title);
        Files.writeString(graph, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return List.of(rel(file), rel(graph));
    }

    private void writeTopic(Path file, String title) throws IOException {
        write(file, """
                ---
                title: %s
                description: %s
                updated: %s
                tags: []
                resources: []
                ---
                ## What it is

                """.formatted(yamlString(title), yamlString("What " + title + " is and why a learner needs it."), today));
    }

    /** The ids of the site's roadmaps, from the files in {@code roadmaps/}. */
    private List<String> roadmapIds() throws IOException {
        Path dir = siteDir.resolve("roadmaps");
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
    }

    /** The graph's node whose id is {@code id} or whose title is {@code title} (any case), or null; null too when it does not parse. */
    private static YamlNode.Mapping node(String graph, String id, String title) {
        Yaml.Result parsed = new Yaml().parse(graph, 0);
        if (!(parsed.root() instanceof YamlNode.Mapping root) || !(root.values().get("nodes") instanceof YamlNode.Sequence nodes)) return null;
        for (YamlNode item : nodes.items()) {
            if (!(item instanceof YamlNode.Mapping m) || text(m, "id") == null) continue;
            if (id.equals(text(m, "id")) || title.equalsIgnoreCase(String.valueOf(text(m, "title")).strip())) return m;
        }
        return null;
    }

    private static String text(YamlNode.Mapping m, String key) {
        return m.values().get(key) instanceof YamlNode.Scalar s ? s.text() : null;
    }

    /** The ids of the graph's stages, in order, as the editor wrote them. */
    private static List<String> stageIds(List<String> lines) {
        List<String> ids = new ArrayList<>();
        boolean inStages = false;
        for (String l : lines) {
            if (l.startsWith("stages:")) {
                inStages = true;
                continue;
            }
            if (inStages && !l.isBlank() && !l.startsWith(" ") && !l.startsWith("-") && !l.startsWith("#")) break;
            Matcher m = STAGE_ID.matcher(l);
            if (inStages && m.find()) ids.add(m.group(1));
        }
        return ids;
    }

    private boolean exists(Path file) {
        if (Files.exists(file)) {
            report.error(file, Pos.UNKNOWN, "already exists; not overwritten");
            return true;
        }
        return false;
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    private String rel(Path file) {
        return siteDir.relativize(file).toString().replace('\\', '/');
    }

    /**
     * A double-quoted YAML string, so a value given on the command line stays one value: quotes and backslashes are
     * escaped, and so is every line break and control character (a raw line "---" would end the front matter).
     */
    static String yamlString(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c >= 0xd800 && c <= 0xdfff) {
                        out.append('\ufffd'); // half of a pair: no character to write
                    } else if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
