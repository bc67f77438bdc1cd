package dev.sitegen.content;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The site's settings from {@code site.yaml}. {@code baseUrl} always ends with a slash.
 * {@code allowHtml} lets raw HTML in Markdown through; it means trusting every editor.
 */
public record SiteConfig(Path file, String title, String description, URI baseUrl, String language, String theme,
                         List<MenuItem> menu, boolean allowHtml) {
    public SiteConfig {
        menu = List.copyOf(menu);
    }
}
