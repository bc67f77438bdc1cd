package dev.sitegen.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered drawing of a skill graph, made at build time: stages are horizontal bands in order; inside a stage, a node
 * sits one row below its prerequisites of the same stage; rows are ordered by the positions of each node's prerequisites
 * (barycentres) to keep edges short, and an alternative group's nodes stay side by side. Deterministic: the same graph
 * gives the same coordinates. Units are SVG user units (px).
 */
public final class Layout {
    public static final int BOX_WIDTH = 184;
    public static final int GAP_X = 28;
    public static final int ROW_GAP = 56;
    public static final int STAGE_HEADER = 44;
    public static final int STAGE_PADDING = 24;
    public static final int MARGIN = 16;
    public static final int LINE_HEIGHT = 18;
    public static final int MAX_CHARS = 21;
    static final int MAX_PER_ROW = 4;

    /** A node's box: top-left corner, size, wrapped title lines, and its step in reading order (1-based). */
    public record Box(Skill skill, int step, int x, int y, int width, int height, List<String> lines) {
        public int centerX() {
            return x + width / 2;
        }

        public int bottom() {
            return y + height;
        }
    }

    /** A prerequisite edge as a cubic curve from (x1,y1) to (x2,y2); dashed when either end is optional. */
    public record Edge(String from, String to, int x1, int y1, int x2, int y2, boolean optional) {}

    /** A stage band. */
    public record Band(Stage stage, int y, int height) {}

    /** A frame around an alternative group's nodes. */
    public record Frame(Alternative group, int x, int y, int width, int height) {}

    public record Drawing(int width, int height, List<Band> bands, List<Box> boxes, List<Edge> edges, List<Frame> frames) {
        public Drawing {
            bands = List.copyOf(bands);
            boxes = List.copyOf(boxes);
            edges = List.copyOf(edges);
            frames = List.copyOf(frames);
        }
    }

    private Layout() {}

    public static Drawing of(Roadmap roadmap, List<Skill> order) {
        Map<String, Integer> step = new HashMap<>();
        for (int i = 0; i < order.size(); i++) step.put(order.get(i).id(), i + 1);
        Map<String, String> groupOf = new HashMap<>();
        for (Alternative g : roadmap.alternatives()) for (String n : g.nodeIds()) groupOf.putIfAbsent(n, g.id());

        int perRow = MAX_PER_ROW;
        for (Alternative g : roadmap.alternatives()) perRow = Math.max(perRow, g.nodes().size());
        int width = MARGIN * 2 + perRow * BOX_WIDTH + (perRow - 1) * GAP_X;

        // Layer inside each stage: one below the lowest prerequisite of the same stage; a group shares one layer.
        Map<String, Integer> layer = new HashMap<>();
        for (Skill s : order) {
            int l = 0;
            for (String dep : GraphCheck.dependencies(roadmap, s)) {
                var d = roadmap.skill(dep);
                if (d.isPresent() && d.get().stage().equals(s.stage()) && layer.containsKey(dep)) l = Math.max(l, layer.get(dep) + 1);
            }
            layer.put(s.id(), l);
        }
        for (Alternative g : roadmap.alternatives()) {
            int max = g.nodeIds().stream().mapToInt(n -> layer.getOrDefault(n, 0)).max().orElse(0);
            g.nodeIds().forEach(n -> { if (layer.containsKey(n)) layer.put(n, max); });
        }
        // Layers can only have grown for a group; push dependents below again, in reading order.
        for (Skill s : order) {
            for (String dep : GraphCheck.dependencies(roadmap, s)) {
                var d = roadmap.skill(dep);
                if (d.isPresent() && d.get().stage().equals(s.stage()) && layer.get(dep) >= layer.get(s.id())) {
                    layer.put(s.id(), layer.get(dep) + 1);
                }
            }
        }

        List<Band> bands = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        Map<String, Box> placed = new LinkedHashMap<>();
        int y = MARGIN;
        List<Stage> stages = roadmap.stages();
        for (int si = 0; si < stages.size(); si++) {
            Stage stage = stages.get(si);
            int bandTop = y;
            y += STAGE_HEADER;
            List<Skill> inStage = order.stream().filter(s -> s.stage().equals(stage.id())).toList();
            int maxLayer = inStage.stream().mapToInt(s -> layer.get(s.id())).max().orElse(-1);
            for (int l = 0; l <= maxLayer; l++) {
                final int current = l;
                List<List<Skill>> units = units(inStage.stream().filter(s -> layer.get(s.id()) == current).toList(), groupOf);
                units.sort(Comparator.comparingDouble((List<Skill> u) -> barycentre(roadmap, u, placed, step)));
                for (List<Skill> row : rows(units, perRow)) {
                    List<List<String>> lines = row.stream().map(s -> wrap(s.title())).toList();
                    int rowHeight = lines.stream().mapToInt(Layout::boxHeight).max().orElse(boxHeight(List.of("")));
                    int rowWidth = row.size() * BOX_WIDTH + (row.size() - 1) * GAP_X;
                    int x = (width - rowWidth) / 2;
                    for (int i = 0; i < row.size(); i++) {
                        Skill s = row.get(i);
                        Box box = new Box(s, step.get(s.id()), x, y, BOX_WIDTH, rowHeight, lines.get(i));
                        boxes.add(box);
                        placed.put(s.id(), box);
                        x += BOX_WIDTH + GAP_X;
                    }
                    y += rowHeight + ROW_GAP;
                }
            }
            if (inStage.isEmpty()) y += LINE_HEIGHT * 2;
            y = y - (inStage.isEmpty() ? 0 : ROW_GAP) + STAGE_PADDING;
            bands.add(new Band(stage, bandTop, y - bandTop));
            y += si + 1 < stages.size() ? 12 : 0;
        }
        // Nodes whose stage is unknown have been reported; they are left out of the drawing.

        List<Frame> frames = new ArrayList<>();
        Map<String, int[]> groupBounds = new HashMap<>();
        for (Alternative g : roadmap.alternatives()) {
            int x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = Integer.MIN_VALUE, y2 = Integer.MIN_VALUE;
            for (String n : g.nodeIds()) {
                Box b = placed.get(n);
                if (b == null) continue;
                x1 = Math.min(x1, b.x()); y1 = Math.min(y1, b.y()); x2 = Math.max(x2, b.x() + b.width()); y2 = Math.max(y2, b.bottom());
            }
            if (x1 == Integer.MAX_VALUE) continue;
            int pad = 10;
            frames.add(new Frame(g, x1 - pad, y1 - pad - 14, x2 - x1 + 2 * pad, y2 - y1 + 2 * pad + 14));
            groupBounds.put(g.id(), new int[] {(x1 + x2) / 2, y2 + pad});
        }

        List<Edge> edges = new ArrayList<>();
        for (Skill s : order) {
            Box to = placed.get(s.id());
            if (to == null) continue;
            for (var ref : s.requires()) {
                String dep = ref.value();
                Box from = placed.get(dep);
                if (from != null) {
                    edges.add(new Edge(dep, s.id(), from.centerX(), from.bottom(), to.centerX(), to.y(), s.optional() || from.skill().optional()));
                } else if (groupBounds.containsKey(dep)) {
                    int[] g = groupBounds.get(dep);
                    edges.add(new Edge(dep, s.id(), g[0], g[1], to.centerX(), to.y(), s.optional()));
                }
            }
        }
        return new Drawing(width, y + MARGIN, bands, boxes, edges, frames);
    }

    /** Single nodes, and each alternative group's nodes as one unit, in reading order. */
    private static List<List<Skill>> units(List<Skill> nodes, Map<String, String> groupOf) {
        Map<String, List<Skill>> byKey = new LinkedHashMap<>();
        for (Skill s : nodes) {
            String key = groupOf.containsKey(s.id()) ? "group:" + groupOf.get(s.id()) : "node:" + s.id();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return new ArrayList<>(byKey.values());
    }

    private static double barycentre(Roadmap roadmap, List<Skill> unit, Map<String, Box> placed, Map<String, Integer> step) {
        double sum = 0;
        int count = 0;
        for (Skill s : unit) {
            for (String dep : GraphCheck.dependencies(roadmap, s)) {
                Box b = placed.get(dep);
                if (b != null) {
                    sum += b.centerX();
                    count++;
                }
            }
        }
        // Ties and nodes without placed prerequisites keep reading order.
        double tie = step.get(unit.get(0).id()) / 1000.0;
        return count == 0 ? 1e6 + tie : sum / count + tie;
    }

    private static List<List<Skill>> rows(List<List<Skill>> units, int perRow) {
        List<List<Skill>> rows = new ArrayList<>();
        List<Skill> row = new ArrayList<>();
        for (List<Skill> unit : units) {
            if (!row.isEmpty() && row.size() + unit.size() > perRow) {
                rows.add(row);
                row = new ArrayList<>();
            }
            row.addAll(unit);
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    static int boxHeight(List<String> lines) {
        return 30 + lines.size() * LINE_HEIGHT + 8;
    }

    /** Wraps a title into lines of at most {@link #MAX_CHARS} characters, breaking between words where it can. */
    public static List<String> wrap(String title) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : title.trim().split("\\s+")) {
            while (word.length() > MAX_CHARS) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, MAX_CHARS - 1) + "-");
                word = word.substring(MAX_CHARS - 1);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > MAX_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
