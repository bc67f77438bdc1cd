package dev.sitegen;

import dev.sitegen.problem.Problem;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The command line, for users without Maven: {@code java -jar site-gen.jar build [site-dir] [--out dir] [--base-url url] [--no-search]}.
 * Exit codes: 0 built, 1 the site has problems, 2 wrong usage.
 */
public final class Main {
    private static final String USAGE = """
            usage: java -jar site-gen.jar build [site-dir] [--out dir] [--base-url url] [--no-search]
              site-dir     the folder with site.yaml (default: content)
              --out        where the site is written (default: target/site)
              --base-url   replaces site.yaml's baseUrl, e.g. http://localhost:8000/
              --no-search  leaves out the search index (search/), e.g. to measure what it costs
            """;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("build")) {
            err.println("unknown command '" + args[0] + "'");
            err.print(USAGE);
            return 2;
        }
        Path site = Path.of("content");
        Path output = Path.of("target", "site");
        String baseUrl = null;
        boolean siteGiven = false;
        boolean search = true;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out", "-o", "--base-url" -> {
                    if (i + 1 >= args.length) {
                        err.println(a + " needs a value");
                        return 2;
                    }
                    if (a.equals("--base-url")) baseUrl = args[++i];
                    else output = Path.of(args[++i]);
                }
                case "--no-search" -> search = false;
                default -> {
                    if (a.startsWith("-") || siteGiven) {
                        err.println("unexpected argument '" + a + "'");
                        err.print(USAGE);
                        return 2;
                    }
                    site = Path.of(a);
                    siteGiven = true;
                }
            }
        }
        BuildResult result = new SiteGenerator().build(new BuildRequest(site, output, baseUrl, search));
        for (Problem p : result.problems()) (p.isError() ? err : out).println(p.toString(site));
        (result.ok() ? out : err).println(result.summary());
        return result.ok() ? 0 : 1;
    }
}
