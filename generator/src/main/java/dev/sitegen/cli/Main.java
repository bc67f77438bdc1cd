package dev.sitegen.cli;

import dev.sitegen.SiteGenerator;
import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.content.Scaffold;
import dev.sitegen.problem.Problem;
import dev.sitegen.problem.Report;
import dev.sitegen.serve.Serve;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The command line, for users without Maven: {@code java -jar site-gen.jar build [site-dir] [--out dir] [--base-url url]}.
 * Exit codes: 0 built, 1 the site has problems, 2 wrong usage, 3 out of memory.
 */
public final class Main {
    private static final String USAGE = """
            usage: java -jar site-gen.jar init [site-dir]
                   java -jar site-gen.jar build [site-dir] [--out dir] [--base-url url] [--no-cache] [--no-search] [--force] [--project-dir dir]
                   java -jar site-gen.jar serve [site-dir] [--out dir] [--host 127.0.0.1] [--port 1313] [--force]
                   java -jar site-gen.jar check [site-dir] [--external] [--fail-on-network-error]
                   java -jar site-gen.jar new roadmap|topic|guide --name "Title" [--roadmap id] [--stage id] [site-dir]
              site-dir     the folder with site.yaml (default: content)
              --out        where the site is written (default: target/site-gen; serve: target/serve)
              --base-url   replaces site.yaml's baseUrl, e.g. http://localhost:8000/
              --no-cache   render every page, even those unchanged since the last build
              --no-search  leave out the search index (search/), e.g. to measure what it costs
              --force      replace the output folder even though site-gen did not make it (everything in it is lost)
              --project-dir  the folder the build is for, which the output may not be or contain (default: the working folder)
              --external   check also that every external link answers
            """;

    private Main() {}

    /** Freed when the heap runs out, so that there is room left to say so. */
    private static byte[] reserve = new byte[1 << 20];

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.err));
        } catch (OutOfMemoryError e) {
            // The launcher caps the heap (see ./site-gen); a site larger than the cap gets this, not a stack trace.
            reserve = null;
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            System.exit(3);
        }
    }

    static String outOfMemory(long maxHeap) {
        return "site-gen: out of memory: this Java may use at most " + maxHeap / (1024 * 1024) + " MB of heap, and the site needs"
                + " more; give it more with -Xmx, e.g. SITE_GEN_JAVA_OPTS=-Xmx2g ./site-gen ..., java -Xmx2g -jar site-gen.jar ...,"
                + " or -Xmx2g in MAVEN_OPTS or .mvn/jvm.config for ./mvnw site-gen:build";
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        if (!Set.of("init", "build", "serve", "check", "new").contains(command)) {
            err.println("unknown command '" + command + "'");
            err.print(USAGE);
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        Set<String> flags = Set.of("--no-cache", "--no-search", "--external", "--fail-on-network-error", "--force");
        Set<String> valued = Set.of("--out", "-o", "--base-url", "--project-dir", "--host", "--port", "--name", "--roadmap", "--stage");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (flags.contains(a)) {
                options.put(a, "true");
            } else if (valued.contains(a)) {
                if (i + 1 >= args.length) {
                    err.println(a + " needs a value");
                    return 2;
                }
                options.put(a.equals("-o") ? "--out" : a, args[++i]);
            } else if (a.startsWith("-")) {
                err.println("unexpected argument '" + a + "'");
                err.print(USAGE);
                return 2;
            } else {
                positional.add(a);
            }
        }
        int expected = command.equals("new") ? 2 : 1;
        if (positional.size() > expected) {
            err.println("unexpected argument '" + positional.get(expected) + "'");
            return 2;
        }
        String kind = command.equals("new") && !positional.isEmpty() ? positional.remove(0) : null;
        Path site = Path.of(positional.isEmpty() ? "content" : positional.get(0));
        return switch (command) {
            case "build" -> build(site, options, out, err);
            case "check" -> check(site, options, out, err);
            case "serve" -> serve(site, options, out, err);
            case "init" -> init(site, out, err);
            default -> scaffold(site, kind, options, out, err);
        };
    }

    private static int build(Path site, Map<String, String> o, PrintStream out, PrintStream err) {
        Path output = Path.of(o.getOrDefault("--out", "target/site-gen"));
        BuildResult result = new SiteGenerator().build(new BuildRequest(site, output, o.get("--base-url"), !o.containsKey("--no-cache"))
                .withSearch(!o.containsKey("--no-search")).withForce(o.containsKey("--force"))
                .withProjectDir(o.containsKey("--project-dir") ? Path.of(o.get("--project-dir")) : null));
        for (Problem p : result.problems()) (p.isError() ? err : out).println(p.toString(site));
        (result.ok() ? out : err).println(result.summary());
        return result.ok() ? 0 : 1;
    }

    private static int check(Path site, Map<String, String> o, PrintStream out, PrintStream err) {
        BuildResult result = new SiteGenerator().check(new BuildRequest(site, Path.of("target/site-gen"), o.get("--base-url")),
                o.containsKey("--external") ? Duration.ofSeconds(10) : null, o.containsKey("--fail-on-network-error"));
        for (Problem p : result.problems()) (p.isError() ? err : out).println(p.toString(site));
        (result.ok() ? out : err).println(result.checkSummary());
        return result.ok() ? 0 : 1;
    }

    private static int scaffold(Path site, String kind, Map<String, String> o, PrintStream out, PrintStream err) {
        Report report = new Report(site);
        var made = new Scaffold(site, report, LocalDate.now())
                .create(kind, o.get("--roadmap"), o.get("--name"), o.get("--stage"));
        for (Problem p : report.problems()) err.println(p.toString(site));
        for (String file : made) out.println("wrote " + site.resolve(file));
        return report.hasErrors() ? 1 : 0;
    }

    private static int init(Path site, PrintStream out, PrintStream err) {
        Report report = new Report(site);
        List<String> made = new Scaffold(site, report, LocalDate.now()).init();
        for (Problem p : report.problems()) err.println(p.toString(site));
        if (report.hasErrors()) return 1;
        out.println("Wrote a starter site of " + made.size() + " files into " + site + ". Next:");
        out.println("  site-gen serve " + site + "        preview it at http://127.0.0.1:1313/, rebuilt on every save");
        out.println("  edit " + site.resolve("site.yaml") + "    your site's title, description and baseUrl");
        out.println("  site-gen build " + site + "        the site to publish, in target/site-gen");
        return 0;
    }

    private static int serve(Path site, Map<String, String> o, PrintStream out, PrintStream err) {
        int port;
        try {
            port = Integer.parseInt(o.getOrDefault("--port", "1313"));
        } catch (NumberFormatException e) {
            err.println("--port needs a number");
            return 2;
        }
        try (Serve serve = new Serve(site, Path.of(o.getOrDefault("--out", "target/serve")),
                o.getOrDefault("--host", "127.0.0.1"), port, out)) {
            serve.force(o.containsKey("--force"));
            serve.start();
            out.println("Serving " + site + " at " + serve.url() + " (Ctrl+C to stop)");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
            return 0;
        } catch (BindException e) {
            err.println("cannot serve on port " + port + ": it is in use; try --port " + (port + 1));
            return 1;
        } catch (IOException e) {
            err.println("cannot serve: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
