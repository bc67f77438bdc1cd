package dev.sitegen.render;

import dev.sitegen.check.LinkResolver;
import dev.sitegen.content.SectionText;
import dev.sitegen.problem.Pos;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the previous build knew about each page it wrote: the key of its inputs, the ids in it, and the links it holds.
 * A page whose key is unchanged is taken from the previous output as it is; its ids and links still take part in this
 * build's link and anchor checks, so removing a heading breaks the build exactly as it would without the cache.
 * Kept in one file beside the output folder ({@code target/.site.cache}) and written only after a successful build.
 */
public final class RenderCache {
    private static final int FORMAT = 3;

    /**
     * One page: the key of its inputs, its element ids (null when the build did not read them: see PageIds), the anchors
     * and site paths its Markdown links to, and the text of its Markdown cut at headings, which the search index is made
     * from.
     */
    record Entry(String key, Set<String> ids, List<LinkResolver.AnchorUse> anchors, Set<String> targets,
                 List<SectionText.Section> sections) {
        Entry {
            ids = ids == null ? null : Set.copyOf(ids);
            anchors = List.copyOf(anchors);
            targets = Set.copyOf(targets);
            sections = List.copyOf(sections);
        }
    }

    // Entries leave as their pages are rendered anew: a build that renders every page again (a theme change, a lost
    // output folder) holds one set of entries at a time, not the previous build's and its own (at 20,000 pages, the
    // difference between 0.9 GB and running out of memory).
    private final Map<String, Entry> previous;
    private final int previousSize;
    private final Map<String, Entry> next = new ConcurrentHashMap<>();

    private RenderCache(Map<String, Entry> previous) {
        this.previous = new ConcurrentHashMap<>(previous);
        this.previousSize = previous.size();
    }

    public static RenderCache empty() {
        return new RenderCache(Map.of());
    }

    /** The cache in {@code file}, or an empty one when there is none or it cannot be read (it is only an optimisation). */
    public static RenderCache read(Path file, Path siteDir) {
        if (file == null || !Files.isRegularFile(file)) return empty();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT) return empty();
            int pages = in.readInt();
            Map<String, Entry> entries = new HashMap<>(pages * 2);
            for (int i = 0; i < pages; i++) {
                String path = in.readUTF();
                String key = in.readUTF();
                int idCount = in.readInt();
                Set<String> ids = idCount < 0 ? null : new HashSet<>();
                for (int n = idCount; n > 0; n--) ids.add(in.readUTF());
                List<LinkResolver.AnchorUse> anchors = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    Path from = siteDir.resolve(in.readUTF());
                    anchors.add(new LinkResolver.AnchorUse(from, new Pos(in.readInt(), in.readInt()), in.readUTF(), in.readUTF(), in.readUTF()));
                }
                Set<String> targets = new HashSet<>();
                for (int n = in.readInt(); n > 0; n--) targets.add(in.readUTF());
                List<SectionText.Section> sections = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) sections.add(new SectionText.Section(in.readUTF(), in.readUTF(), readLong(in)));
                entries.put(path, new Entry(key, ids, anchors, targets, sections));
            }
            return new RenderCache(entries);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /** writeUTF holds at most 64 KiB; a section of a long page can be longer. */
    private static void writeLong(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The previous build's entry for a page if its inputs are unchanged and every page it links to still exists; if not,
     * the page is rendered anew and its previous entry is let go.
     */
    Entry reusable(String sitePath, String key, Set<String> sitePaths) {
        Entry e = previous.get(sitePath);
        if (e == null || !e.key().equals(key) || !sitePaths.containsAll(e.targets())) {
            forget(sitePath);
            return null;
        }
        return e;
    }

    /** Lets go of a page's previous entry: the page is rendered anew. */
    void forget(String sitePath) {
        previous.remove(sitePath);
    }

    /** This build's entries as the previous build of the next one. */
    public RenderCache next() {
        return new RenderCache(next);
    }

    /** True when every page of the previous build was taken as it was, and no other: the file would not change. */
    boolean reusedAll() {
        if (previous.size() != previousSize || next.size() != previousSize) return false;
        for (Map.Entry<String, Entry> e : next.entrySet()) {
            if (previous.get(e.getKey()) != e.getValue()) return false; // reuse() keeps the previous build's own entry
        }
        return true;
    }

    void put(String sitePath, Entry entry) {
        next.put(sitePath, entry);
    }

    /** Writes what this build produced, replacing the file in one move; a build that reused every page leaves it be. */
    public void write(Path file, Path siteDir) throws IOException {
        if (reusedAll() && Files.isRegularFile(file)) return;
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeInt(next.size());
            for (Map.Entry<String, Entry> e : new TreeMap<>(next).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue().key());
                Set<String> ids = e.getValue().ids();
                out.writeInt(ids == null ? -1 : ids.size());
                if (ids != null) for (String id : ids) out.writeUTF(id);
                out.writeInt(e.getValue().anchors().size());
                for (LinkResolver.AnchorUse a : e.getValue().anchors()) {
                    out.writeUTF(siteDir.relativize(a.from()).toString());
                    out.writeInt(a.at().line());
                    out.writeInt(a.at().column());
                    out.writeUTF(a.sitePath());
                    out.writeUTF(a.anchor());
                    out.writeUTF(a.written());
                }
                out.writeInt(e.getValue().targets().size());
                for (String t : e.getValue().targets()) out.writeUTF(t);
                out.writeInt(e.getValue().sections().size());
                for (var section : e.getValue().sections()) {
                    out.writeUTF(section.id());
                    out.writeUTF(section.heading());
                    writeLong(out, section.text());
                }
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
