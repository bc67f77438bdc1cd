package dev.sitegen.content;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The site's settings from {@code site.yaml}. {@code baseUrl} always ends with a slash.
 * {@code allowHtml} lets raw HTML in Markdown through; it means trusting every editor. {@code editUrl} (or null) is
 * where a page's source file is edited: the file's path below the site folder is appended to it.
 */
public record SiteConfig(Path file, String title, String description, URI baseUrl, String language, String theme,
                         List<MenuItem> menu, boolean allowHtml, String editUrl) {
    public SiteConfig {
        menu = List.copyOf(menu);
    }
}
