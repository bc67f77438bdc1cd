package dev.sitegen.check;

import dev.sitegen.content.Page;
import dev.sitegen.content.Resource;
import dev.sitegen.graph.Roadmap;
import dev.sitegen.graph.Skill;
import dev.sitegen.load.Site;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Problem;
import dev.sitegen.problem.Report;
import dev.sitegen.problem.Severity;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Requests every external link of a site once and reports the dead ones at each place they are used. HEAD first, GET
 * when a server refuses HEAD; a timeout per request; a bounded number of requests at once and at most two per host, each
 * host's requests spaced out. When no request got any answer at all, that is a network outage, not dead links: it is a
 * warning unless {@code failOnNetworkError}.
 */
public final class ExternalLinks {
    /** Where a link is used. */
    public record Place(String file, Pos at) {}

    private static final int AT_ONCE = 8;
    private static final int PER_HOST = 2;
    private static final long HOST_SPACING_MS = 250;

    private final Duration timeout;
    private final boolean failOnNetworkError;
    private final HttpClient client;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRequest = new ConcurrentHashMap<>();

    public ExternalLinks(Duration timeout, boolean failOnNetworkError) {
        this.timeout = timeout;
        this.failOnNetworkError = failOnNetworkError;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private record Outcome(String url, int status, String failure) {
        boolean answered() {
            return failure == null;
        }
    }

    /**
     * Every external link of {@code site} with the places it is used: resources of topics and graph nodes, and the
     * links found in the Markdown a build rendered ({@code inMarkdown}; a check renders every page).
     */
    public static Map<String, List<Place>> of(Site site, Report report, Map<String, Set<Place>> inMarkdown) {
        Map<String, List<Place>> all = new TreeMap<>();
        inMarkdown.forEach((url, places) -> all.computeIfAbsent(url, k -> new ArrayList<>()).addAll(places));
        for (Page p : site.topics().values()) {
            for (Resource res : p.resources()) {
                all.computeIfAbsent(res.url().trim(), k -> new ArrayList<>()).add(new Place(report.name(p.file()), res.at()));
            }
        }
        for (Roadmap r : site.roadmaps()) {
            for (Skill s : r.skills()) {
                for (Resource res : s.resources()) {
                    all.computeIfAbsent(res.url().trim(), k -> new ArrayList<>()).add(new Place(report.name(r.file()), res.at()));
                }
            }
        }
        all.values().forEach(list -> list.sort(Comparator.comparing(Place::file)
                .thenComparingInt(p -> p.at().line()).thenComparingInt(p -> p.at().column())));
        return all;
    }

    /** Checks each URL once; returns the problems, in the order of the map. */
    public List<Problem> check(Map<String, List<Place>> links) {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (String url : links.keySet()) futures.add(pool.submit(() -> request(url)));
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (Exception e) {
                    outcomes.add(new Outcome("", 0, String.valueOf(e.getMessage())));
                }
            }
            List<Problem> problems = new ArrayList<>();
            boolean anyAnswer = outcomes.stream().anyMatch(Outcome::answered);
            if (!anyAnswer && !outcomes.isEmpty()) {
                Severity severity = failOnNetworkError ? Severity.ERROR : Severity.WARNING;
                problems.add(new Problem(severity, "", 0, 0, "could not check " + outcomes.size()
                        + " external links: no server answered (" + outcomes.get(0).failure() + "); is the network down?"));
                return problems;
            }
            for (Outcome o : outcomes) {
                String why = o.answered() ? (o.status() >= 400 ? "answered " + o.status() : null) : o.failure();
                if (why == null) continue;
                for (Place p : links.get(o.url())) {
                    problems.add(new Problem(Severity.ERROR, p.file(), p.at().line(), p.at().column(), "dead link " + o.url() + ": " + why));
                }
            }
            return problems;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome request(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return new Outcome(url, 0, "not a valid URL");
        }
        String host = String.valueOf(uri.getHost());
        Semaphore slot = hosts.computeIfAbsent(host, h -> new Semaphore(PER_HOST));
        try {
            slot.acquire();
            try {
                politeness(host);
                int status = send(uri, "HEAD");
                // Some servers refuse HEAD or answer it wrongly; ask again with GET before calling the link dead.
                if (status == 405 || status == 403 || status == 501 || status >= 500) status = send(uri, "GET");
                return new Outcome(url, status, null);
            } finally {
                slot.release();
            }
        } catch (IOException e) {
            String message = e instanceof HttpTimeoutException ? "no answer within " + timeout.toSeconds() + " s"
                    : e instanceof ConnectException ? "connection refused or unreachable"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(url, 0, message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(url, 0, "interrupted");
        }
    }

    private int send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "site-gen link checker").build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Leaves at least {@link #HOST_SPACING_MS} between two requests to one host. */
    private void politeness(String host) throws InterruptedException {
        while (true) {
            long now = System.currentTimeMillis();
            Long last = lastRequest.get(host);
            long wait = last == null ? 0 : last + HOST_SPACING_MS - now;
            if (wait <= 0) {
                if (last == null ? lastRequest.putIfAbsent(host, now) == null : lastRequest.replace(host, last, now)) return;
            } else {
                Thread.sleep(wait);
            }
        }
    }
}
