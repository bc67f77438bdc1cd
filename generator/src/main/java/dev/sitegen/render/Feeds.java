package dev.sitegen.render;

import dev.sitegen.load.Site;
import dev.sitegen.content.Page;

import dev.sitegen.plan.Urls;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The machine-read files: sitemap.xml, robots.txt and an Atom feed of the guides. */
final class Feeds {
    private final Site site;
    private final Urls urls;

    Feeds(Site site, Urls urls) {
        this.site = site;
        this.urls = urls;
    }

    byte[] sitemap(List<String> sitePaths, Map<String, String> lastModified) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : sitePaths) {
            xml.append("  <url><loc>").append(Html.escape(urls.absolute(path))).append("</loc>");
            String date = lastModified.get(path);
            if (date != null) xml.append("<lastmod>").append(date).append("</lastmod>");
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] robots() {
        return ("User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute("sitemap.xml") + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Atom 1.0: one entry per guide, newest first; the feed's date is the newest guide's. */
    byte[] atom() {
        List<Page> guides = site.guides();
        LocalDate newest = guides.stream().map(Feeds::changed).filter(d -> d != null).max(LocalDate::compareTo).orElse(LocalDate.of(2000, 1, 1));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        xml.append(" xml:lang=\"").append(Html.escape(site.config().language())).append("\">\n");
        xml.append("  <title>").append(Html.escape(site.config().title())).append(" — guides</title>\n");
        xml.append("  <subtitle>").append(Html.escape(site.config().description())).append("</subtitle>\n");
        xml.append("  <id>").append(Html.escape(urls.absolute(""))).append("</id>\n");
        xml.append("  <link rel=\"self\" href=\"").append(Html.escape(urls.absolute("feed.xml"))).append("\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(urls.absolute(Urls.GUIDES))).append("\"/>\n");
        xml.append("  <updated>").append(newest).append("T00:00:00Z</updated>\n");
        xml.append("  <generator>site-gen</generator>\n");
        for (Page g : guides) {
            String url = urls.absolute(Urls.guide(g.slug()));
            LocalDate updated = changed(g);
            xml.append("  <entry>\n");
            xml.append("    <title>").append(Html.escape(g.title())).append("</title>\n");
            xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(url)).append("\"/>\n");
            xml.append("    <id>").append(Html.escape(url)).append("</id>\n");
            if (g.date() != null) xml.append("    <published>").append(g.date()).append("T00:00:00Z</published>\n");
            xml.append("    <updated>").append(updated == null ? newest : updated).append("T00:00:00Z</updated>\n");
            xml.append("    <author><name>").append(Html.escape(g.author() == null ? site.config().title() : g.author())).append("</name></author>\n");
            xml.append("    <summary>").append(Html.escape(g.description())).append("</summary>\n");
            for (String tag : g.tags()) xml.append("    <category term=\"").append(Html.escape(tag)).append("\"/>\n");
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static LocalDate changed(Page g) {
        return g.updated() != null ? g.updated() : g.date();
    }
}
