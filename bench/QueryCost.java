import dev.sitegen.search.Searcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bench only: the bytes each query reads from a built site's search/ folder, by replaying the Java Searcher (which
 * reads the same files as search.js). A fresh Searcher per query, so nothing is cached between queries.
 * Run as a single-file program: {@code java -cp site-gen.jar bench/QueryCost.java OUT/search K query...}.
 * Prints one line per query: query, files, bytes, matches, top result.
 */
public class QueryCost {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        for (int i = 2; i < args.length; i++) {
            Map<String, Integer> read = new LinkedHashMap<>();
            Searcher searcher = new Searcher(p -> {
                try {
                    byte[] b = Files.readAllBytes(dir.resolve(p));
                    read.put(p, b.length);
                    return b;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Searcher.Answer answer = searcher.answer(args[i], k);
            long bytes = read.values().stream().mapToLong(Integer::longValue).sum();
            System.out.println(args[i] + "\t" + read.size() + "\t" + bytes + "\t" + answer.docs().size() + "\t"
                    + (answer.results().isEmpty() ? "-" : answer.results().get(0).url()));
        }
    }
}
