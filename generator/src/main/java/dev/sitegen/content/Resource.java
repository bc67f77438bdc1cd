package dev.sitegen.content;

import dev.sitegen.problem.Pos;

import java.util.List;

/** A link to learn from, shown on a topic page grouped by type. */
public record Resource(String title, String url, String type, Pos at) {
    /** The allowed types, in the order a topic page shows their groups. */
    public static final List<String> TYPES = List.of("docs", "article", "video", "course", "book", "tool");
}
