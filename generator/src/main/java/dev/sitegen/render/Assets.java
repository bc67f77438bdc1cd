package dev.sitegen.render;

import dev.sitegen.load.Site;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.SafePath;
import dev.sitegen.plan.Urls;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The theme's assets as published: CSS and JavaScript under a name with a hash of their bytes
 * ({@code assets/css/site.3f2a9c01be.css}), so a host may cache them for ever; other files under their own name.
 */
final class Assets {
    private final Theme theme;
    private final Urls urls;
    private final Report report;
    private final Site site;

    Assets(Theme theme, Urls urls, Report report, Site site) {
        this.theme = theme;
        this.urls = urls;
        this.report = report;
        this.site = site;
    }

    /** Writes every asset; returns the URL of each by its name below {@code assets/} ({@code js/site.js}). */
    Map<String, String> write(OutputDir out) throws IOException {
        Map<String, String> assets = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : theme.assets().entrySet()) {
            String name = e.getKey();
            String path = "assets/" + name;
            if (name.endsWith(".css") || name.endsWith(".js")) {
                int dot = name.lastIndexOf('.');
                path = "assets/" + name.substring(0, dot) + "." + hash(e.getValue()) + name.substring(dot);
            }
            String problem = SafePath.problem(path);
            if (problem != null) {
                report.error(site.themeDir() == null ? site.dir() : site.themeDir().resolve("assets").resolve(name), Pos.UNKNOWN, "theme asset " + problem);
                continue;
            }
            out.write(path, e.getValue());
            assets.put(name, urls.path(path));
        }
        return assets;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
