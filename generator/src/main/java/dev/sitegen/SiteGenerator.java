package dev.sitegen;

import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.build.Pipeline;
import dev.sitegen.build.Warm;

import java.time.Duration;

/**
 * The one entry point: {@code new SiteGenerator().build(new BuildRequest(Path.of("content"), Path.of("target/site-gen")))}.
 * A build is load → check → plan → render → index → write ({@link Pipeline}); problems stop it before the output is
 * touched, so a failed build leaves the previous site exactly as it was. One generator keeps what its later builds may
 * reuse (the dev server's rebuilds); a one-off build makes a new one.
 */
public final class SiteGenerator {
    private final Warm warm = new Warm();

    public BuildResult build(BuildRequest request) {
        return Pipeline.build(request, warm);
    }

    /**
     * Checks a site without writing it: everything a build checks, plus orphan topics and duplicate titles, which a
     * build only warns about; with {@code externalTimeout}, also every external link.
     */
    public BuildResult check(BuildRequest request, Duration externalTimeout, boolean failOnNetworkError) {
        return Pipeline.check(request, externalTimeout, failOnNetworkError);
    }

    /**
     * Writes the search index the last in-place build left for later (see {@link BuildRequest.Write#IN_PLACE}). May run
     * on another thread than the builds; in-place commits leave search/ to it.
     */
    public void writePendingIndex() {
        warm.writePendingIndex();
    }

    /** Why {@code request} may not write its output folder, or null: for a caller that must know before it starts. */
    public static String outputRefusal(BuildRequest request) {
        return Pipeline.outputRefusal(request);
    }
}
