package dev.sitegen.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Answers queries from the files {@link SearchIndex} wrote, reading only the files a query needs, as search.js does
 * in the browser: {@code new Searcher(path -> Files.readAllBytes(site.resolve("search").resolve(path))).search("cachng", 8)}.
 * Paths handed to {@code files} are relative to the {@code search/} folder ({@code index.json}, {@code 1a2b3c4d5e/t0.bin}).
 *
 * <p>Each query word matches the stem of the word (exact); the last word also matches words as written that start with
 * it (prefix, for search as you type; worth less when the word is also a whole word); and a word of five letters or
 * more that matches nothing else matches words one edit away (typo: a letter added, dropped, changed or two swapped,
 * after the first three letters). If some pages have every word, only they are results.
 */
public final class Searcher {
    static final int MAX_WORDS = 8, MAX_EXPANSIONS = 24, PREFIX_SHARDS = 2, TYPO_SHARDS = 4, TYPO_MIN = 5, TYPO_KEEP = 3;
    static final double EXACT = 1.0, PREFIX = 0.7, TYPO = 0.5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, byte[]> files;
    private final JsonNode entry;
    private final String version;
    private final List<String> firstKeys = new ArrayList<>();
    private final Map<Integer, TermShard> shards = new HashMap<>();
    private final Map<Integer, JsonNode> docFiles = new HashMap<>();

    /** One result: the page, the heading nearest to the match (null before the first heading) and the snippet. */
    public record Result(int doc, String url, String title, String kind, String roadmap, String heading, String headingUrl,
                         Snippet snippet, double score) {}

    /** What a query found: every matching page in rank order, and the first {@code limit} of them in full. */
    public record Answer(List<Integer> docs, List<Result> results, Set<String> roadmaps) {
        public Answer {
            docs = List.copyOf(docs);
            results = List.copyOf(results);
            roadmaps = Set.copyOf(roadmaps);
        }
    }

    public Searcher(Function<String, byte[]> files) {
        this.files = files;
        this.entry = json(files.apply("index.json"));
        if (entry.path("format").asInt() != SearchIndex.FORMAT) {
            throw new IllegalArgumentException("search index format " + entry.path("format") + ", expected " + SearchIndex.FORMAT);
        }
        this.version = entry.path("version").asText();
        entry.path("shards").forEach(k -> firstKeys.add(k.asText()));
    }

    public List<Result> search(String query, int limit) {
        return answer(query, limit).results();
    }

    public Answer answer(String query, int limit) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(Tokenizer.words(query)));
        if (words.size() > MAX_WORDS) words = words.subList(0, MAX_WORDS);
        if (words.isEmpty()) return new Answer(List.of(), List.of(), Set.of());
        int n = entry.path("docs").asInt();
        Map<Integer, double[]> scores = new HashMap<>(); // doc → [words matched, score, best contribution, section]
        Set<String> stems = new TreeSet<>();
        for (int w = 0; w < words.size(); w++) {
            // Only the last word may still be being typed: earlier words match whole words, or typos of them.
            Map<String, Double> matched = matches(words.get(w), w == words.size() - 1);
            stems.addAll(matched.keySet());
            Map<Integer, double[]> best = new HashMap<>(); // doc → [contribution, section]
            for (Map.Entry<String, Double> m : matched.entrySet()) {
                TermShard shard = shard(shardOf(m.getKey()));
                int i = shard.find(m.getKey());
                int[] docs = shard.docs()[i];
                double idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
                for (int k = 0; k < docs.length; k++) {
                    double c = idf * (shard.weights()[i][k] & 0xff) / 255.0 * m.getValue();
                    double[] b = best.get(docs[k]);
                    if (b == null || c > b[0]) best.put(docs[k], new double[] {c, shard.sections()[i][k] & 0xff});
                }
            }
            for (Map.Entry<Integer, double[]> e : best.entrySet()) {
                double[] s = scores.computeIfAbsent(e.getKey(), k -> new double[] {0, 0, -1, 0});
                s[0]++;
                s[1] += e.getValue()[0];
                if (e.getValue()[0] > s[2]) {
                    s[2] = e.getValue()[0];
                    s[3] = e.getValue()[1];
                }
            }
        }
        int most = (int) scores.values().stream().mapToDouble(s -> s[0]).max().orElse(0);
        List<Integer> docs = scores.entrySet().stream().filter(e -> e.getValue()[0] == most)
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, double[]> e) -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        List<Result> results = new ArrayList<>();
        for (int doc : docs.subList(0, Math.min(limit, docs.size()))) {
            results.add(result(doc, (int) scores.get(doc)[3], stems, scores.get(doc)[1]));
        }
        Set<String> roadmaps = new LinkedHashSet<>();
        for (int doc : docs) {
            for (JsonNode run : entry.path("roadmaps")) {
                if (doc >= run.get(1).asInt() && doc < run.get(2).asInt()) roadmaps.add(run.get(0).asText());
            }
        }
        return new Answer(docs, results, roadmaps);
    }

    /** The stems a query word stands for, each with how well it matches (exact, prefix or typo). */
    Map<String, Double> matches(String word, boolean prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        String stem = Stemmer.stem(word);
        TermShard own = shard(shardOf(stem));
        int i = own.find(stem);
        if (i >= 0 && own.docs()[i].length > 0) out.put(stem, EXACT);

        int expansions = 0;
        for (int s : prefix ? shardsOf(word, word + '\uffff', PREFIX_SHARDS) : List.<Integer>of()) {
            TermShard shard = shard(s);
            int from = shard.find(word);
            for (int k = from < 0 ? -from - 1 : from; k < shard.keys().length && shard.keys()[k].startsWith(word); k++) {
                if (expansions >= MAX_EXPANSIONS) break;
                String target = target(shard, k);
                if (target != null && out.putIfAbsent(target, out.containsKey(stem) ? PREFIX / 2 : PREFIX) == null) expansions++;
            }
        }
        if (out.isEmpty() && word.length() >= TYPO_MIN) {
            String start = word.substring(0, TYPO_KEEP);
            for (int s : shardsOf(start, start + '\uffff', TYPO_SHARDS)) {
                TermShard shard = shard(s);
                int from = shard.find(start);
                for (int k = from < 0 ? -from - 1 : from; k < shard.keys().length && shard.keys()[k].startsWith(start); k++) {
                    if (!oneEditApart(word, shard.keys()[k])) continue;
                    String target = target(shard, k);
                    if (target != null) out.putIfAbsent(target, TYPO);
                }
            }
        }
        return out;
    }

    /** The stem an entry stands for, if that stem has postings: itself or the stem it redirects to. */
    private String target(TermShard shard, int k) {
        String stem = shard.stems()[k] != null ? shard.stems()[k] : shard.keys()[k];
        if (stem.equals(shard.keys()[k])) return shard.docs()[k].length > 0 ? stem : null;
        TermShard home = shard(shardOf(stem));
        int i = home.find(stem);
        return i >= 0 && home.docs()[i].length > 0 ? stem : null;
    }

    /** True when one letter added, removed or changed, or two neighbours swapped, turn {@code a} into {@code b}. */
    static boolean oneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) return false;
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) i++;
        if (i == la && i == lb) return true;
        if (la == lb) {
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) return true;
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i) && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        if (la > lb) return a.regionMatches(i + 1, b, i, lb - i);
        return b.regionMatches(i + 1, a, i, la - i);
    }

    private Result result(int doc, int section, Set<String> stems, double score) {
        JsonNode d = doc(doc);
        JsonNode sections = d.path("s");
        String heading = null;
        String headingUrl = null;
        String url = d.path("u").asText();
        Snippet snippet = null;
        if (section < sections.size()) {
            JsonNode s = sections.get(section);
            if (!s.get(0).asText().isEmpty()) {
                heading = s.get(1).asText();
                headingUrl = url + "#" + s.get(0).asText();
            }
            snippet = Snippet.of(s.get(2).asText(), stems);
        }
        if (snippet == null) snippet = Snippet.of(d.path("d").asText(), stems);
        for (int k = 0; snippet == null && k < sections.size(); k++) snippet = Snippet.of(sections.get(k).get(2).asText(), stems);
        if (snippet == null) snippet = Snippet.plain(d.path("d").asText());
        return new Result(doc, url, d.path("t").asText(), d.path("k").asText(), d.path("r").asText(null), heading, headingUrl, snippet, score);
    }

    private JsonNode doc(int doc) {
        int perFile = entry.path("docsPerFile").asInt();
        int file = doc / perFile;
        JsonNode docs = docFiles.computeIfAbsent(file, f -> json(files.apply(version + "/d" + f + ".bin")));
        return docs.get(doc - file * perFile);
    }

    private TermShard shard(int i) {
        return shards.computeIfAbsent(i, k -> TermShard.decode(gunzip(files.apply(version + "/t" + k + ".bin"))));
    }

    /** The word-list file whose key range holds {@code key}. */
    int shardOf(String key) {
        int lo = 0;
        int hi = firstKeys.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstKeys.get(mid).compareTo(key) <= 0) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** The files whose ranges meet [from, to], at most {@code max} of them. */
    private List<Integer> shardsOf(String from, String to, int max) {
        List<Integer> out = new ArrayList<>();
        for (int s = shardOf(from); s <= shardOf(to) && out.size() < max; s++) out.add(s);
        return out;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(gunzip(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes, gunzipped if they are gzip (a server may have sent them decompressed already). */
    static byte[] gunzip(byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) return bytes;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
