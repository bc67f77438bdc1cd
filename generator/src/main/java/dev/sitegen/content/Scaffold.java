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
 * Makes new content files with valid front matter: {@code new roadmap|topic|guide}. A new topic is also added as a
 * node at the end of its skill graph's {@code nodes} list; the graph file is edited as text, so its comments and layout
 * stay as the editor wrote them. Never overwrites a file.
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
        if (name == null || name.isBlank()) {
            report.error(siteDir, Pos.UNKNOWN, "give the new " + (kind == null ? "page" : kind) + " a name, e.g. -Dname=\"Message queues\"");
            return List.of();
        }
        String slug = Fields.slugify(name);
        try {
            return switch (kind == null ? "" : kind) {
                case "roadmap" -> roadmap(slug, name);
                case "topic" -> topic(roadmap, slug, name, stage);
                case "guide" -> guide(slug, name);
                default -> {
                    report.error(siteDir, Pos.UNKNOWN, "unknown kind '" + kind + "': use roadmap, topic or guide");
                    yield List.of();
                }
            };
        } catch (IOException e) {
            report.error(siteDir, Pos.UNKNOWN, "cannot write: " + e.getMessage());
            return List.of();
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
            report.error(siteDir, Pos.UNKNOWN, "say which roadmap the topic belongs to, e.g. -Droadmap=backend");
            return List.of();
        }
        if (!Fields.isId(roadmap)) {
            report.error(siteDir, Pos.UNKNOWN, "roadmap '" + roadmap + "' is not a roadmap id (lower-case letters, digits and hyphens)");
            return List.of();
        }
        Path graph = siteDir.resolve("roadmaps").resolve(roadmap + ".yaml");
        if (!Files.isRegularFile(graph)) {
            report.error(graph, Pos.UNKNOWN, "no roadmap '" + roadmap + "': create it first with -Dkind=roadmap");
            return List.of();
        }
        Path file = siteDir.resolve("topics").resolve(roadmap).resolve(id + ".md");
        if (exists(file)) return List.of();
        List<String> lines = new ArrayList<>(Files.readAllLines(graph, StandardCharsets.UTF_8));
        if (lines.stream().anyMatch(l -> l.matches("^\\s*-?\\s*\\{?\\s*id:\\s*" + Pattern.quote(id) + "\\s*[,}]?.*"))) {
            report.error(graph, Pos.UNKNOWN, "roadmap '" + roadmap + "' already has a node or stage with id '" + id + "'");
            return List.of();
        }
        int nodes = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).matches("^nodes:\\s*(\\[\\]\\s*)?(#.*)?$")) nodes = i;
        if (nodes < 0) {
            report.error(graph, Pos.UNKNOWN, "cannot find the top-level 'nodes:' list to add the topic to");
            return List.of();
        }
        List<String> stages = stageIds(lines);
        String chosenStage = stage != null && !stage.isBlank() ? stage : stages.isEmpty() ? "basics" : stages.get(stages.size() - 1);
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
        Files.writeString(graph, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return List.of(rel(file), rel(graph));
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
