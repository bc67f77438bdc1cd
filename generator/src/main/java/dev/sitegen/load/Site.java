package dev.sitegen.load;

import dev.sitegen.content.Page;
import dev.sitegen.content.SiteConfig;
import dev.sitegen.graph.Roadmap;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a site's folder holds, loaded: config, skill graphs (by weight, then title), topic pages keyed by their
 * path below {@code topics/}, and guides by slug. {@code staticDir} and {@code themeDir} are null when absent.
 * {@code fingerprints} holds a content hash of every source file read, by absolute path. {@code config} is null when
 * site.yaml could not be read (a problem says why): the check stage still looks at the rest.
 */
public record Site(Path dir, SiteConfig config, List<Roadmap> roadmaps, Map<String, Page> topics, List<Page> guides,
                   Path staticDir, Path themeDir, Map<Path, String> fingerprints) {
    /** The site without its draft guides. */
    public Site withoutDrafts() {
        if (guides.stream().noneMatch(Page::draft)) return this;
        return new Site(dir, config, roadmaps, topics, guides.stream().filter(g -> !g.draft()).toList(), staticDir, themeDir, fingerprints);
    }

    public Site {
        roadmaps = List.copyOf(roadmaps);
        topics = Collections.unmodifiableMap(new LinkedHashMap<>(topics));
        guides = List.copyOf(guides);
        fingerprints = Map.copyOf(fingerprints);
    }

    /** The content hash of a source file, or "" when it was not read. */
    public String fingerprint(Path file) {
        return file == null ? "" : fingerprints.getOrDefault(file.toAbsolutePath().normalize(), "");
    }
}
