package dev.sitegen.search;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.SiteGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relevance set: queries a reader of the example site (content/) would type, with the page that must come first,
 * read through the files the build wrote, as the browser reads them. Includes typos, prefixes, several words, and
 * queries that must find nothing.
 */
class RelevanceTest {
    @TempDir
    static Path tmp;
    static Searcher searcher;

    @BeforeAll
    static void build() {
        Path out = tmp.resolve("site");
        BuildResult result = new SiteGenerator().build(new BuildRequest(Path.of("..", "content"), out));
        assertTrue(result.ok(), result.problems().toString());
        searcher = new Searcher(p -> {
            try {
                return Files.readAllBytes(out.resolve("search").resolve(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // one word
            "owasp                    | /learn/backend/owasp/",
            "caching                  | /learn/backend/http-caching/",
            "jwt                      | /learn/backend/authentication/",
            "flexbox                  | /learn/frontend/css-layout/",
            "laravel                  | /learn/backend/laravel/",
            "acid                     | /learn/databases/transactions/",
            "cors                     | /learn/frontend/fetch-api/",
            "kubernetes               | /learn/backend/cloud-deployment/",
            "nosql                    | /learn/databases/nosql/",
            "ETag                     | /learn/backend/http-caching/",
            // stemming
            "backups                  | /learn/databases/backups/",
            "deploy                   | /learn/backend/cloud-deployment/",
            // typos
            "cachng                   | /learn/backend/http-caching/",
            "indexs                   | /learn/databases/indexes/",
            "replicaton               | /learn/databases/replication/",
            "authentcation            | /learn/backend/authentication/",
            "accesibility             | /learn/frontend/accessibility/",
            // prefixes, as typed
            "grap                     | /learn/backend/graphql/",
            "migrat                   | /learn/databases/migrations/",
            "cachin                   | /learn/backend/http-caching/",
            // several words
            "query plans              | /learn/databases/query-plans/",
            "password hashing         | /learn/backend/authentication/",
            "rest api                 | /learn/backend/rest/",
            "connection pool          | /learn/databases/connection-pooling/",
            "css grid                 | /learn/frontend/css-layout/",
            "version control          | /learn/backend/git/",
            "unit test                | /learn/backend/unit-testing/",
            "dom events               | /learn/frontend/dom/",
            "http status codes        | /learn/backend/http/",
            "event loop               | /learn/backend/nodejs/",
            "become backend developer | /learn/guides/how-to-become-a-backend-developer/",
            "backend roadmap          | /learn/backend/",
            // nothing
            "xyzzy                    | ''",
            "the                      | ''",
            "websockets quantum       | ''"})
    void topResult(String query, String expected) {
        List<Searcher.Result> results = searcher.search(query, 5);
        assertEquals(expected, results.isEmpty() ? "" : results.get(0).url(),
                () -> query + " gave " + results.stream().map(Searcher.Result::url).toList());
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "password hashing | /learn/backend/authentication/#storing-passwords",
            "acid             | /learn/databases/transactions/#acid",
            "event loop       | /learn/backend/nodejs/#the-event-loop",
            "etag             | /learn/backend/http-caching/#validation-etag-and-conditional-requests"})
    void topResultLinksToTheNearestHeading(String query, String expected) {
        assertEquals(expected, searcher.search(query, 1).get(0).headingUrl());
    }
}
