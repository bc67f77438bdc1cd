package dev.sitegen.content;

import dev.sitegen.problem.Pos;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A Markdown file with its front matter read. {@code key} is the file's path below its kind's folder
 * ({@code backend/http.md} for a topic, {@code intro.md} for a guide); {@code bodyLine} is the line the body starts on.
 */
public record Page(Kind kind, Path file, String key, String slug, String title, String description,
                   LocalDate date, LocalDate updated, List<String> tags, String author,
                   List<Resource> resources, String body, int bodyLine, boolean draft) {

    public enum Kind { TOPIC, GUIDE, INTRO }

    public Page {
        tags = List.copyOf(tags);
        resources = List.copyOf(resources);
    }

    /** The page with {@code updated} set, e.g. from the file's last commit when the front matter has none. */
    public Page withUpdated(LocalDate date) {
        return new Page(kind, file, key, slug, title, description, this.date, date, tags, author, resources, body, bodyLine, draft);
    }

    public Pos start() {
        return Pos.START;
    }
}
