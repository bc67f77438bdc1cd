package dev.sitegen.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitegen.cache.Fingerprint;
import dev.sitegen.content.SectionText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * The full-text index of a site, built from its pages and written as files under {@code search/}:
 * {@code SearchIndex.of(documents).files()} maps each output path to its bytes.
 * <ul>
 *   <li>{@code search/index.json}: the entry point (the first key of every word-list file, the roadmaps' documents);</li>
 *   <li>{@code search/<version>/t<n>.bin}: the word list cut into key ranges, gzip-compressed ({@link TermShard});</li>
 *   <li>{@code search/<version>/d<n>.bin}: the pages' titles, URLs and text for snippets, gzip-compressed JSON.</li>
 * </ul>
 * {@code <version>} is a hash of the content, so every file but the entry can be cached for ever. A query loads the
 * entry, the one or two word-list files whose range holds its words, and the files of the results it shows.
 * The format is described in docs/search.md; {@link Searcher} and search.js read it.
 * Over 300 lines because the format is one piece: counting words by stem and writing the files share the same arrays,
 * and a change to one side is a change to the other.
 */
public final class SearchIndex {
    public static final int FORMAT = 1;
    /** Uncompressed bytes after which a word-list file is closed; a query loads about one such file per word. */
    static final int SHARD_BYTES = 32_000;
    /** Below this many compressed bytes of documents, all documents share one file (a small site loads it once). */
    static final int SMALL_DOCS = 48_000;
    /**
     * Pages a document file holds on a larger site. One a file made the search index half of a 10,000-page site's
     * files, and creating a file is what a build on the benchmark's disk pays most for (30 to 260 µs of kernel time
     * each, the most right after the previous output was deleted). Four a file: 2,525 files instead of 10,100, 9.3 MB
     * instead of 12.2 (gzip shares the pages' words), the full build 7% faster there (median of 8 interleaved runs);
     * a query's eight results load at most eight files of about 3.7 KB instead of 1.2 KB.
     */
    static final int DOCS_PER_FILE = 4;
    /** Characters of text kept per page for snippets; every section keeps its start. */
    static final int TEXT_BUDGET = 2_000;
    static final int MIN_SECTION_TEXT = 200;

    // Field weights, in the order a reader expects: title above headings above body.
    static final double TITLE = 10, HEADING = 5, TAGS = 4, DESCRIPTION = 3, BODY = 3, MAX_RAW = TITLE + HEADING + TAGS + DESCRIPTION + BODY;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> files;

    private SearchIndex(Map<String, byte[]> files) {
        this.files = files;
    }

    public static SearchIndex of(List<SearchDocument> documents) {
        return of(documents, SHARD_BYTES);
    }

    static SearchIndex of(List<SearchDocument> documents, int shardBytes) {
        Stems stems = new Stems();
        // Pages are analysed in a few contiguous runs, one analyser each: an analyser learns the site's words once.
        Analysis[] analyses = new Analysis[documents.size()];
        int runs = Math.min(documents.size(), 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, runs).parallel().forEach(run -> {
            Analyser analyser = new Analyser(stems);
            int to = (int) ((long) documents.size() * (run + 1) / runs);
            for (int doc = (int) ((long) documents.size() * run / runs); doc < to; doc++) analyses[doc] = analyser.of(documents.get(doc));
        });
        double avgLength = Math.max(1, Arrays.stream(analyses).mapToInt(Analysis::length).average().orElse(1));

        // Postings in document order: append each page's terms in turn, letting each page's analysis go once read.
        Postings[] postings = new Postings[stems.count()];
        for (int doc = 0; doc < analyses.length; doc++) {
            Analysis a = analyses[doc];
            analyses[doc] = null;
            for (int i = 0; i < a.stems().length; i++) {
                int id = a.stems()[i];
                if (postings[id] == null) postings[id] = new Postings();
                postings[id].add(doc, Stat.weight(a.stats()[i], a.length(), avgLength), Stat.section(a.stats()[i]));
            }
        }
        // Every stem has postings: a stem is numbered only for a word a page counted.
        Map<String, TermShard.Entry> entries = new HashMap<>();
        for (Term t : stems.byStem.values()) entries.put(t.stem(), postings[t.id()].entry(t.stem(), null));
        stems.byForm.forEach((form, term) -> {
            if (form.equals(term.stem())) return;
            TermShard.Entry own = entries.get(form);
            entries.put(form, own == null ? new TermShard.Entry(form, term.stem(), new int[0], new byte[0], new byte[0])
                    : new TermShard.Entry(form, term.stem(), own.docs(), own.weights(), own.sections()));
        });

        List<List<TermShard.Entry>> shards = new ArrayList<>();
        List<TermShard.Entry> current = new ArrayList<>();
        int size = 0;
        List<String> keys = new ArrayList<>(entries.keySet());
        keys.sort(null);
        for (String key : keys) {
            TermShard.Entry e = entries.get(key);
            if (size >= shardBytes && !current.isEmpty()) {
                shards.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(e);
            size += e.size();
        }
        if (!current.isEmpty() || shards.isEmpty()) shards.add(current);
        List<byte[]> shardFiles = shards.parallelStream().map(s -> gzip(TermShard.encode(s))).toList();

        List<byte[]> docFiles;
        int perFile;
        List<byte[]> docJson = documents.size() < 200 ? documents.parallelStream().map(SearchIndex::docJson).toList() : null;
        if (docJson != null && docJson.parallelStream().mapToLong(b -> gzip(b).length).sum() <= SMALL_DOCS) {
            perFile = Math.max(1, documents.size());
            docFiles = List.of(gzip(array(docJson)));
        } else {
            // Each file made and compressed in one go: the JSON of every page is never held at once.
            perFile = DOCS_PER_FILE;
            docFiles = IntStream.range(0, (documents.size() + perFile - 1) / perFile).parallel()
                    .mapToObj(f -> gzip(array(documents.subList(f * DOCS_PER_FILE, Math.min(documents.size(), (f + 1) * DOCS_PER_FILE))
                            .stream().map(SearchIndex::docJson).toList())))
                    .toList();
        }

        String version = version(shardFiles, docFiles);
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> firstKeys = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            firstKeys.add(i == 0 || shards.get(i).isEmpty() ? "" : shards.get(i).get(0).key());
            files.put("search/" + version + "/t" + i + ".bin", shardFiles.get(i));
        }
        for (int i = 0; i < docFiles.size(); i++) files.put("search/" + version + "/d" + i + ".bin", docFiles.get(i));

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("format", FORMAT);
        entry.put("version", version);
        entry.put("docs", documents.size());
        entry.put("docsPerFile", perFile);
        entry.put("shards", firstKeys);
        entry.put("roadmaps", roadmapRuns(documents));
        try {
            files.put("search/index.json", JSON.writeValueAsBytes(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // index.json first, then the files it names; a LinkedHashMap keeps that order for tests and logs.
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put("search/index.json", files.remove("search/index.json"));
        ordered.putAll(files);
        return new SearchIndex(Collections.unmodifiableMap(ordered));
    }

    /** Output path (below the site root) → bytes: {@code search/index.json}, then the word-list and document files. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** [roadmap id, first document, end document (exclusive)] for each run of documents of one roadmap. */
    private static List<List<Object>> roadmapRuns(List<SearchDocument> documents) {
        List<List<Object>> runs = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String id = documents.get(i).roadmap();
            if (id == null) continue;
            List<Object> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.get(0).equals(id) && (int) last.get(2) == i) {
                last.set(2, i + 1);
            } else {
                runs.add(new ArrayList<>(List.of(id, i, i + 1)));
            }
        }
        return runs;
    }

    private static byte[] docJson(SearchDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("u", d.url());
        m.put("t", d.title());
        m.put("k", d.kind());
        if (d.roadmapTitle() != null) m.put("r", d.roadmapTitle());
        m.put("d", d.description() == null ? "" : d.description());
        int budget = Math.max(MIN_SECTION_TEXT, TEXT_BUDGET / d.sections().size());
        List<List<String>> sections = new ArrayList<>();
        for (SectionText.Section s : d.sections()) sections.add(List.of(s.id(), s.heading(), cut(s.text(), budget)));
        m.put("s", sections);
        try {
            return JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text up to {@code max} characters, cut after a whole word. */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = text.lastIndexOf(' ', max);
        return (end <= 0 ? text.substring(0, max) : text.substring(0, end)) + " …";
    }

    private static byte[] array(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.write(',');
            out.writeBytes(items.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    /**
     * Gzip at zlib's level 4. The 2,744 files of the 10,000-page benchmark (36 MB before compression): level 6, zlib's
     * default, 13.79 MB in 0.86 s of CPU; level 4, 14.04 MB (1.8% more) in 0.58 s; level 2, 14.77 MB in 0.40 s; the
     * best level took 1.5 s for 0.1% less than 6. A query loads a few of these files; a build writes all of them.
     */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(GZIP_LEVEL);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static final int GZIP_LEVEL = 4;

    /** The first 40 bits of the files' content fingerprint: it only names a version. */
    private static String version(List<byte[]> shards, List<byte[]> docs) {
        List<byte[]> all = new ArrayList<>(shards);
        all.addAll(docs);
        return Fingerprint.of(all).substring(0, 10);
    }

    /** How a stem occurs in one page: fields (bit flags), body count, and the section to link to. */
    private static final class Stat {
        static final int IN_TITLE = 1, IN_TAGS = 2, IN_DESCRIPTION = 4, IN_HEADING = 8;
        int fields;
        int tf;
        int headingSection = -1;
        int textSection = -1;

        /** Packed as fields (4 bits), section (8 bits) and body count (the rest), to be kept for every page at once. */
        long packed() {
            int s = headingSection >= 0 ? headingSection : Math.max(0, textSection);
            return fields | (long) Math.min(s, 255) << 4 | (long) tf << 12;
        }

        static int section(long packed) {
            return (int) (packed >>> 4 & 0xff);
        }

        /** BM25-style saturation of the body count, plus fixed boosts for the other fields, scaled to 1..255. */
        static byte weight(long packed, int length, double avgLength) {
            int fields = (int) (packed & 0xf);
            long tf = packed >>> 12;
            double raw = 0;
            if ((fields & IN_TITLE) != 0) raw += TITLE;
            if ((fields & IN_HEADING) != 0) raw += HEADING;
            if ((fields & IN_TAGS) != 0) raw += TAGS;
            if ((fields & IN_DESCRIPTION) != 0) raw += DESCRIPTION;
            if (tf > 0) raw += BODY * tf / (tf + 1.2 * (0.25 + 0.75 * length / avgLength));
            return (byte) Math.max(1, Math.min(255, Math.round(raw * 255 / MAX_RAW)));
        }
    }

    /** A stem and its number: postings are kept in an array by stem number rather than a map by stem. */
    private record Term(String stem, int id) {}

    /** The site's word forms and stems, shared by the threads analysing pages: each form is stemmed once. */
    private static final class Stems {
        final Map<String, Term> byForm = new ConcurrentHashMap<>();
        final Map<String, Term> byStem = new ConcurrentHashMap<>();
        private final AtomicInteger count = new AtomicInteger();

        Term of(String form) {
            // get first: it takes no lock, and most words were stemmed for an earlier page
            Term t = byForm.get(form);
            return t != null ? t : byForm.computeIfAbsent(form, f -> byStem.computeIfAbsent(Stemmer.stem(f), s -> new Term(s, count.getAndIncrement())));
        }

        int count() {
            return count.get();
        }
    }

    /** A page's stem numbers with their packed {@link Stat}s: kept for every page until all are read (weights need the average length). */
    private record Analysis(int[] stems, long[] stats, int length) {}

    /**
     * Counts the words of pages, one page after another on one thread. The word forms it has met are kept by their
     * characters with their {@link Term}s, so a word read again needs no string and no look-up in the shared
     * {@link Stems}; a page's counts are kept by stem number.
     */
    private static final class Analyser {
        /** The term of every stop word: found, and not counted. */
        private static final Term STOP = new Term("", -1);

        private final Stems stems;
        // The forms met so far: open addressing, by the characters' String.hashCode.
        private char[][] forms = new char[8192][];
        private int[] hashes = new int[8192];
        private Term[] terms = new Term[8192];
        private int size;
        // The page being counted: its stats by stem number, and which numbers it has.
        private Stat[] byStem = new Stat[1024];
        private int[] ids = new int[512];
        private int count;

        Analyser(Stems stems) {
            this.stems = stems;
        }

        Analysis of(SearchDocument d) {
            count = 0;
            add(d.title(), Stat.IN_TITLE, -1);
            for (String tag : d.tags()) add(tag, Stat.IN_TAGS, -1);
            add(d.description(), Stat.IN_DESCRIPTION, -1);
            int length = 0;
            for (int s = 0; s < d.sections().size(); s++) {
                SectionText.Section section = d.sections().get(s);
                add(section.heading(), Stat.IN_HEADING, s);
                length += add(section.text(), 0, s);
            }
            long[] stats = new long[count];
            for (int i = 0; i < count; i++) {
                stats[i] = byStem[ids[i]].packed();
                byStem[ids[i]] = null;
            }
            return new Analysis(Arrays.copyOf(ids, count), stats, length);
        }

        /**
         * Counts the words of {@code text}; field 0 means body text. Returns how many words it counted. Each stem's
         * sections are the first it is met in, as pages are read in order: the lowest.
         */
        private int add(String text, int field, int section) {
            if (text == null || text.isEmpty()) return 0;
            int[] counted = {0};
            Tokenizer.forEachWord(text, (chars, length) -> {
                Term term = term(chars, length);
                if (term == STOP) return;
                Stat stat = stat(term.id());
                stat.fields |= field;
                if (field == 0) {
                    stat.tf++;
                    if (stat.textSection < 0) stat.textSection = section;
                } else if (field == Stat.IN_HEADING && stat.headingSection < 0) {
                    stat.headingSection = section;
                }
                counted[0]++;
            });
            return counted[0];
        }

        private Stat stat(int id) {
            if (id >= byStem.length) byStem = Arrays.copyOf(byStem, Math.max(id + 1, byStem.length * 2));
            Stat stat = byStem[id];
            if (stat == null) {
                stat = byStem[id] = new Stat();
                if (count == ids.length) ids = Arrays.copyOf(ids, count * 2);
                ids[count++] = id;
            }
            return stat;
        }

        private Term term(char[] chars, int length) {
            int hash = 0;
            for (int i = 0; i < length; i++) hash = 31 * hash + chars[i];
            int mask = forms.length - 1;
            for (int at = (hash ^ hash >>> 16) & mask; ; at = at + 1 & mask) {
                char[] form = forms[at];
                if (form == null) {
                    String word = new String(chars, 0, length);
                    Term term = Tokenizer.STOP_WORDS.contains(word) ? STOP : stems.of(word);
                    forms[at] = Arrays.copyOf(chars, length);
                    hashes[at] = hash;
                    terms[at] = term;
                    if (++size * 2 > forms.length) grow();
                    return term;
                }
                if (hashes[at] == hash && Arrays.equals(form, 0, form.length, chars, 0, length)) return terms[at];
            }
        }

        private void grow() {
            char[][] oldForms = forms;
            int[] oldHashes = hashes;
            Term[] oldTerms = terms;
            forms = new char[oldForms.length * 2][];
            hashes = new int[oldForms.length * 2];
            terms = new Term[oldForms.length * 2];
            int mask = forms.length - 1;
            for (int i = 0; i < oldForms.length; i++) {
                if (oldForms[i] == null) continue;
                int at = (oldHashes[i] ^ oldHashes[i] >>> 16) & mask;
                while (forms[at] != null) at = at + 1 & mask;
                forms[at] = oldForms[i];
                hashes[at] = oldHashes[i];
                terms[at] = oldTerms[i];
            }
        }
    }

    /** One stem's postings while they are collected. */
    private static final class Postings {
        private int[] docs = new int[4];
        private byte[] weights = new byte[4];
        private byte[] sections = new byte[4];
        private int n;

        void add(int doc, byte weight, int section) {
            if (n == docs.length) {
                docs = Arrays.copyOf(docs, n * 2);
                weights = Arrays.copyOf(weights, n * 2);
                sections = Arrays.copyOf(sections, n * 2);
            }
            docs[n] = doc;
            weights[n] = weight;
            sections[n] = (byte) section;
            n++;
        }

        TermShard.Entry entry(String key, String stem) {
            return new TermShard.Entry(key, stem, Arrays.copyOf(docs, n), Arrays.copyOf(weights, n),
                    Arrays.copyOf(sections, n));
        }
    }
}
