package dev.sitegen.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stems from the Snowball English sample vocabulary, plus the words our readers type. */
class StemmerTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "caching, cach", "cache, cach", "cached, cach", "caches, cach",
            "caresses, caress", "ponies, poni", "ties, tie", "cats, cat", "gas, gas", "gaps, gap",
            "agreed, agre", "feed, feed", "plastered, plaster", "motoring, motor", "sing, sing",
            "hopping, hop", "falling, fall", "hissing, hiss", "fizzed, fizz", "filing, file", "happy, happi",
            "relational, relat", "conditional, condit", "generalization, general", "generously, generous",
            "communication, communic", "consign, consign", "consignment, consign", "consistency, consist",
            "consistently, consist", "consolatory, consolatori", "conspiracy, conspiraci", "constable, constabl",
            "knackeries, knackeri", "knives, knive", "knightly, knight", "knowledge, knowledg", "knowingly, know",
            "skies, sky", "dying, die", "news, news", "succeeding, succeed", "exceed, exceed",
            "indexes, index", "indexing, index", "replication, replic", "replicas, replica", "graphs, graph",
            "databases, databas", "authentication, authent", "migrations, migrat", "normalization, normal",
            "http, http", "io, io", "2xx, 2xx", "café, café"})
    void stemsLikeSnowballEnglish(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }
}
