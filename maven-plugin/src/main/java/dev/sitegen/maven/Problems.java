package dev.sitegen.maven;

import dev.sitegen.build.BuildResult;
import dev.sitegen.problem.Problem;
import org.apache.maven.plugin.logging.Log;

import java.nio.file.Path;
import java.util.List;

/** Logs the engine's problems one per line, in the {@code path:line:col: message} form editors and IDEs jump to. */
final class Problems {
    private Problems() {}

    static void log(Log log, List<Problem> problems, Path siteDir) {
        for (Problem p : problems) {
            if (p.isError()) log.error(p.toString(siteDir));
            else log.warn(p.toString(siteDir));
        }
    }

    static String count(int n) {
        return BuildResult.count(n, "problem");
    }
}
