package dev.sitegen.render;

import dev.sitegen.check.LinkResolver;
import dev.sitegen.content.Markdown;
import dev.sitegen.content.SectionText;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered Markdown bodies and diagrams kept between the builds of one generator (the dev server's), keyed by what
 * they are made from. When one topic changes, its roadmap's print page needs every topic body of the roadmap and the
 * diagram again; from here they cost a lookup instead of a Markdown render and an ELK layout. Only what a successful
 * build made is kept ({@link #commit}), so a body whose links were broken is never reused without its problems.
 * A one-off build starts with an empty memo and gains nothing from it.
 */
public final class Memo {
    /** A body with the links its Markdown holds, so a reused body's links are still checked. */
    record Body(Markdown.Rendered rendered, List<LinkResolver.AnchorUse> anchors, Set<String> targets,
                List<SectionText.Section> sections) {}

    private final boolean keeping;

    /** A memo that keeps what builds make. */
    public Memo() {
        this(true);
    }

    private Memo(boolean keeping) {
        this.keeping = keeping;
    }

    /**
     * A memo that keeps nothing: for a generator's first build, which nothing may ever follow; keeping every body of a
     * 10,000-page site would cost hundreds of megabytes for no use.
     */
    public static Memo none() {
        return new Memo(false);
    }

    private volatile Map<String, Body> bodies = Map.of();
    private volatile Map<String, String> diagrams = Map.of();
    private final Map<String, Body> newBodies = new ConcurrentHashMap<>();
    private final Map<String, String> newDiagrams = new ConcurrentHashMap<>();

    Body body(String key) {
        Body b = newBodies.get(key);
        if (b != null) return b;
        b = bodies.get(key);
        if (b != null) newBodies.put(key, b);
        return b;
    }

    void body(String key, Body body) {
        if (keeping) newBodies.put(key, body);
    }

    String diagram(String key) {
        String d = newDiagrams.get(key);
        if (d != null) return d;
        d = diagrams.get(key);
        if (d != null) newDiagrams.put(key, d);
        return d;
    }

    void diagram(String key, String svg) {
        if (keeping) newDiagrams.put(key, svg);
    }

    /** After a successful build: keep what it used or made, forget the rest. */
    public void commit() {
        bodies = Map.copyOf(newBodies);
        diagrams = Map.copyOf(newDiagrams);
        rollback();
    }

    /** After a failed build: forget what it made. */
    public void rollback() {
        newBodies.clear();
        newDiagrams.clear();
    }
}
