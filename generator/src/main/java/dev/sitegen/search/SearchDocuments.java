package dev.sitegen.search;

import dev.sitegen.content.Page;
import dev.sitegen.content.SectionText.Section;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.plan.SitePlan;
import dev.sitegen.plan.SitePlan.Placement;
import dev.sitegen.plan.Urls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The pages the search index is made from: every roadmap (with its stages' topics), every topic once, every guide. */
public final class SearchDocuments {
    private SearchDocuments() {}

    /**
     * One document per indexed page of {@code plan}, with the text of its Markdown cut at headings ({@code sections}, by
     * site path, as the render collected it).
     */
    public static List<SearchDocument> of(SitePlan plan, Map<String, List<Section>> sections) {
        Urls urls = plan.urls();
        Map<String, List<Skill>> orders = plan.orders();
        Map<String, Placement> placements = plan.placements();
        List<Supplier<SearchDocument>> docs = new ArrayList<>();
        for (Roadmap r : plan.site().roadmaps()) {
            docs.add(() -> {
                List<Section> text = new ArrayList<>(sections.getOrDefault(Urls.roadmap(r.id()), List.of()));
                for (var stage : r.stages()) {
                    text.add(new Section("stage-" + stage.id(), stage.title(), String.join(", ",
                            orders.get(r.id()).stream().filter(s -> s.stage().equals(stage.id())).map(Skill::title).toList())));
                }
                return new SearchDocument(urls.path(Urls.roadmap(r.id())), r.title(), "roadmap", r.id(), r.title(), r.description(),
                        r.intro() == null ? List.of() : r.intro().tags(), text);
            });
            for (Skill s : orders.get(r.id())) {
                Placement where = placements.get(s.topic());
                if (where == null || where.roadmap() != r || where.skill() != s) continue;
                Page p = plan.site().topics().get(s.topic());
                docs.add(() -> new SearchDocument(urls.path(Urls.topic(s.topic())), p.title() != null ? p.title() : s.title(), "topic", r.id(),
                        r.title(), p.description(), p.tags(), sections.getOrDefault(Urls.topic(s.topic()), List.of())));
            }
        }
        for (Page g : plan.site().guides()) {
            docs.add(() -> new SearchDocument(urls.path(Urls.guide(g.slug())), g.title(), "guide", null, null, g.description(), g.tags(),
                    sections.getOrDefault(Urls.guide(g.slug()), List.of())));
        }
        return docs.parallelStream().map(Supplier::get).toList();
    }
}
