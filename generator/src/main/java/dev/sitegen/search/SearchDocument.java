package dev.sitegen.search;

import dev.sitegen.content.SectionText;

import java.util.List;

/**
 * One page as search sees it: where it is, what it is called, and its text cut at its headings (a section's id is
 * its heading's HTML id, the target of a result's link). {@code kind} is {@code roadmap}, {@code topic} or
 * {@code guide}; {@code roadmap} is the id of the roadmap it belongs to (null for guides) and {@code roadmapTitle} its
 * title, shown beside results.
 */
public record SearchDocument(String url, String title, String kind, String roadmap, String roadmapTitle, String description,
                             List<String> tags, List<SectionText.Section> sections) {
    public SearchDocument {
        tags = List.copyOf(tags);
        sections = List.copyOf(sections);
        if (sections.isEmpty()) sections = List.of(new SectionText.Section("", "", ""));
    }
}
