package dev.sitegen.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sitegen.content.SectionText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index format read back by {@link Searcher}: ranking by field, typos, prefixes, shards, and hostile text. */
class SearchIndexTest {
    static SearchDocument doc(String slug, String title, String description, String... sections) {
        List<SectionText.Section> s = new ArrayList<>();
        s.add(new SectionText.Section("", "", sections.length > 0 ? sections[0] : ""));
        for (int i = 1; i + 1 < sections.length; i += 2) {
            s.add(new SectionText.Section(SlugOf.heading(sections[i]), sections[i], sections[i + 1]));
        }
        return new SearchDocument("/" + slug + "/", title, "topic", "web", "Web", description, List.of(), s);
    }

    /** Heading ids the way the Markdown renderer makes them, enough for these tests. */
    static final class SlugOf {
        static String heading(String text) {
            return text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }
    }

    /** A searcher over files in memory that records every file it reads. */
    static final class Files {
        final Map<String, byte[]> files;
        final List<String> read = new ArrayList<>();

        Files(SearchIndex index) {
            this.files = index.files();
        }

        Searcher searcher() {
            return new Searcher(p -> {
                read.add(p);
                byte[] b = files.get("search/" + p);
                if (b == null) throw new IllegalArgumentException("no file search/" + p);
                return b;
            });
        }
    }

    static List<String> titles(List<Searcher.Result> results) {
        return results.stream().map(Searcher.Result::title).toList();
    }

    static final List<SearchDocument> DOCS = List.of(
            doc("body", "Proxies", "Servers in between.", "A reverse proxy can keep a cache of responses."),
            doc("heading", "Performance", "Making pages fast.", "Intro text.", "Caching at the edge", "CDNs keep copies near readers."),
            doc("title", "HTTP caching", "Reusing responses.", "Headers decide how long a response is fresh."),
            doc("graph", "Graph databases", "Nodes and edges.", "Neo4j stores a graph of nodes."),
            doc("graphql", "GraphQL", "A query language for APIs.", "Clients ask for exactly the fields they need."));

    @Test
    void aTitleMatchRanksAboveAHeadingMatchAboveABodyMatch() {
        Searcher s = new Files(SearchIndex.of(DOCS)).searcher();
        assertEquals(List.of("HTTP caching", "Performance", "Proxies"), titles(s.search("caching", 8)));
    }

    @Test
    void stemmingFindsOtherFormsOfTheWord() {
        Searcher s = new Files(SearchIndex.of(DOCS)).searcher();
        assertEquals(List.of("HTTP caching", "Performance", "Proxies"), titles(s.search("caches", 8)));
    }

    @Test
    void aTypoOfOneEditFindsTheWordInWordsOfFiveLettersOrMore() {
        Searcher s = new Files(SearchIndex.of(DOCS)).searcher();
        assertEquals("HTTP caching", titles(s.search("cachng", 8)).get(0), "a dropped letter");
        assertEquals("HTTP caching", titles(s.search("cachign", 8)).get(0), "two letters swapped");
        assertEquals("Proxies", titles(s.search("proxxies", 8)).get(0), "a letter added");
        assertEquals(List.of(), s.search("cahe", 8), "four letters: no typo tolerance");
        assertEquals(List.of(), s.search("xachng", 8), "the first three letters must be right");
    }

    @Test
    void theLastWordMatchesAsAPrefixForSearchAsYouType() {
        Searcher s = new Files(SearchIndex.of(DOCS)).searcher();
        assertEquals(Set.of("GraphQL", "Graph databases"), Set.copyOf(titles(s.search("grap", 8))));
        assertEquals(List.of("GraphQL"), titles(s.search("graphq", 8)));
        // An earlier word is a whole word: "grap" is no prefix there, so only the last word finds pages.
        assertEquals(List.of("GraphQL"), titles(s.search("grap graphql", 8)));
        assertEquals(List.of("GraphQL"), titles(s.search("graphql grap", 8)), "only GraphQL has both words");
    }

    @Test
    void pagesWithEveryWordComeAloneWhenThereAreAny() {
        Searcher s = new Files(SearchIndex.of(DOCS)).searcher();
        assertEquals(List.of("Graph databases"), titles(s.search("graph nodes", 8)));
        assertEquals(List.of("Proxies"), titles(s.search("reverse proxy cache", 8)));
    }

    @Test
    void resultsLinkToTheNearestHeadingAndMarkTheMatchInTheSnippet() {
        Searcher s = new Files(SearchIndex.of(DOCS)).searcher();
        Searcher.Result perf = s.search("cdn", 8).get(0);
        assertEquals("/heading/#caching-at-the-edge", perf.headingUrl());
        assertEquals("Caching at the edge", perf.heading());
        assertEquals("[CDNs] keep copies near readers.", perf.snippet().marked());
        Searcher.Result title = s.search("caching", 8).get(0);
        assertNull(title.headingUrl(), "a match in the title links to the page itself");
        assertEquals("/title/", title.url());
    }

    @Test
    void aPageOfThousandsOfDistinctWordsFindsEveryOneOfThem() {
        // More distinct words than a page's word table starts with, each used once, with stop words between. Four
        // letters each, so that no typo tolerance or prefix match can find one word for another.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3000; i++) body.append(word(i)).append(i % 7 == 0 ? " the " : " ");
        // "c0x" and "anx" have the same String.hashCode().
        body.append(word(42).toUpperCase()).append(" of and c0x anx");
        List<SearchDocument> docs = List.of(doc("many", "Many words", "A long page.", body.toString()),
                doc("short", "Short page", "Only one.", "The " + word(42) + " and nothing else of note."));
        Searcher s = new Files(SearchIndex.of(docs)).searcher();
        for (int i = 0; i < 3000; i += 37) {
            assertEquals(i == 42 ? List.of("Many words", "Short page") : List.of("Many words"), titles(s.search(word(i), 8)), word(i));
        }
        assertEquals(List.of("Many words"), titles(s.search("c0x", 8)));
        assertEquals(List.of("Many words"), titles(s.search("anx", 8)));
        assertEquals(List.of(), s.search("the", 8), "a stop word finds nothing");
    }

    /** 250 pages, each with a word of its own; pages 8 to 10 (files d2, d2, d2) share "kestrel", 11 and 12 (d2, d3) "heron". */
    static List<SearchDocument> largeSite() {
        List<SearchDocument> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String shared = i >= 8 && i <= 10 ? " kestrel" : i == 11 || i == 12 ? " heron" : "";
            many.add(doc("p" + i, "Page " + i, "About page " + i + ".", "Text with " + word(i) + shared + "."));
        }
        return many;
    }

    static String word(int i) {
        String c = "bcdfghjklmnpqrt";
        return "x" + c.charAt(i / 225) + c.charAt(i / 15 % 15) + c.charAt(i % 15);
    }

    @Test
    void aQueryLoadsOnlyTheShardThatHoldsItsWord() {
        List<SearchDocument> many = new ArrayList<>();
        String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"};
        for (int i = 0; i < 60; i++) {
            many.add(doc("p" + i, "Page " + i + " " + words[i % words.length], "About " + words[(i + 3) % words.length] + ".",
                    "Body " + words[(i + 5) % words.length] + " number" + i + " and more " + words[(i + 7) % words.length] + "."));
        }
        SearchIndex index = SearchIndex.of(many, 200);
        long shards = index.files().keySet().stream().filter(p -> p.matches("search/[0-9a-f]{10}/t\\d+\\.bin")).count();
        assertTrue(shards >= 8, "small shards for the test: " + shards);

        Files files = new Files(index);
        Searcher s = files.searcher();
        List<Searcher.Result> results = s.search("hotel", 3);
        assertEquals(3, results.size());
        List<String> termFiles = files.read.stream().filter(p -> p.contains("/t")).toList();
        assertEquals(1, termFiles.size(), "one word-list file for one word: " + files.read);
        long docFiles = files.read.stream().filter(p -> p.contains("/d")).count();
        assertEquals(1, docFiles, "all 60 small pages share one document file: " + files.read);
        assertEquals("index.json", files.read.get(0));
        // The shard read is the one whose range holds "hotel".
        int shard = Integer.parseInt(termFiles.get(0).replaceAll(".*/t(\\d+)\\.bin", "$1"));
        Map<String, byte[]> all = files.files;
        TermShard read = TermShard.decode(Searcher.gunzip(all.get("search/" + termFiles.get(0))));
        assertTrue(read.find("hotel") >= 0, "shard " + shard + " holds hotel");
    }

    @Test
    void aLargeSiteKeepsFourPagesADocumentFileAndAQueryLoadsTheFilesOfWhatItShows() throws Exception {
        SearchIndex index = SearchIndex.of(largeSite());
        List<String> docFiles = index.files().keySet().stream().filter(p -> p.matches("search/[0-9a-f]{10}/d\\d+\\.bin")).sorted().toList();
        assertEquals(63, docFiles.size(), "250 pages, four a file: " + docFiles.size());
        var entry = new ObjectMapper().readTree(index.files().get("search/index.json"));
        assertEquals(4, entry.get("docsPerFile").asInt());
        String version = entry.get("version").asText();
        var last = new ObjectMapper().readTree(Searcher.gunzip(index.files().get("search/" + version + "/d62.bin")));
        assertEquals(List.of("/p248/", "/p249/"), List.of(last.get(0).get("u").asText(), last.get(1).get("u").asText()));
        assertEquals(2, last.size(), "the last file holds what is left");

        // The first and last page of a file, and of the site, each from the one file that holds it.
        Map<Integer, String> fileOf = Map.of(0, "d0", 3, "d0", 4, "d1", 7, "d1", 249, "d62");
        for (var page : fileOf.entrySet()) {
            Files files = new Files(index);
            List<Searcher.Result> results = files.searcher().search(word(page.getKey()), 8);
            assertEquals(List.of("Page " + page.getKey()), titles(results));
            assertEquals("/p" + page.getKey() + "/", results.get(0).url());
            assertEquals(List.of(version + "/" + page.getValue() + ".bin"), files.read.stream().filter(p -> p.contains("/d")).toList());
        }
        Files files = new Files(index);
        assertEquals(List.of("Page 10", "Page 8", "Page 9"), titles(files.searcher().search("kestrel", 8)).stream().sorted().toList());
        assertEquals(1, files.read.stream().filter(p -> p.contains("/d")).count(), "three results in one file: " + files.read);
        files = new Files(index);
        assertEquals(List.of("Page 11", "Page 12"), titles(files.searcher().search("heron", 8)).stream().sorted().toList());
        assertEquals(2, files.read.stream().filter(p -> p.contains("/d")).distinct().count(), "two results in two files: " + files.read);
    }

    @Test
    void hostileTextStaysTextFromTheIndexToTheSnippet() throws Exception {
        String evil = "<img src=x onerror=alert(1)> \"quoted\" & </script><script>alert(2)</script>";
        SearchDocument hostile = new SearchDocument("/evil/", "Evil " + evil, "topic", "web", "Web <b>roadmap</b>", "Evil description " + evil,
                List.of("<svg onload=alert(3)>"), List.of(new SectionText.Section("", "", "Evil body " + evil)));
        Files files = new Files(SearchIndex.of(List.of(hostile)));
        Searcher.Result r = files.searcher().search("evil onerror", 8).get(0);
        assertEquals("Evil " + evil, r.title(), "the title comes back exactly as written, to be shown as text");
        assertEquals("Web <b>roadmap</b>", r.roadmap());
        assertTrue(r.snippet().marked().contains("<img src=x [onerror]=alert(1)>"), r.snippet().marked());
        // The document file is JSON: markup in content is a string value, never structure.
        String json = new String(Searcher.gunzip(files.files.get("search/" + files.read.get(files.read.size() - 1))), StandardCharsets.UTF_8);
        var parsed = new ObjectMapper().readTree(json);
        assertEquals("Evil " + evil, parsed.get(0).get("t").asText());
        assertFalse(files.files.keySet().stream().anyMatch(p -> p.contains("<") || p.contains("..")));
    }

    @Test
    void anEmptySiteHasAnIndexThatFindsNothing() {
        Searcher s = new Files(SearchIndex.of(List.of())).searcher();
        assertEquals(List.of(), s.search("anything", 8));
        assertEquals(List.of(), s.search("", 8));
        assertEquals(List.of(), s.search("the of and", 8), "stop words only");
    }

    @Test
    void oneEditApartCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertTrue(Searcher.oneEditApart("caching", "cachng"));
        assertTrue(Searcher.oneEditApart("cachng", "caching"));
        assertTrue(Searcher.oneEditApart("caching", "cacheng"));
        assertTrue(Searcher.oneEditApart("caching", "cahcing"));
        assertTrue(Searcher.oneEditApart("caching", "caching"));
        assertFalse(Searcher.oneEditApart("caching", "cachign2"));
        assertFalse(Searcher.oneEditApart("caching", "cchnig"));
    }
}
