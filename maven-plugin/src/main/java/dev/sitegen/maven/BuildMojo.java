package dev.sitegen.maven;

import dev.sitegen.SiteGenerator;
import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.problem.Problem;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * Builds the site: {@code mvn site-gen:build}. Runs once for the project it is called on (an aggregator), so at the
 * root of a multi-module build it builds that project's {@code content/} and not once per module.
 */
@Mojo(name = "build", threadSafe = true, aggregator = true, requiresProject = true)
public class BuildMojo extends AbstractMojo {

    /** The site folder, holding site.yaml. */
    @Parameter(property = "site-gen.sourceDir", defaultValue = "${project.basedir}/content", required = true)
    private File sourceDir;

    /** Where the site is written; replaced whole on success, untouched on failure. */
    @Parameter(property = "site-gen.outputDir", defaultValue = "${project.build.directory}/site", required = true)
    private File outputDir;

    /** Replaces site.yaml's baseUrl, e.g. for a preview deployment. */
    @Parameter(property = "site-gen.baseUrl")
    private String baseUrl;

    /**
     * Takes pages whose inputs did not change from the previous output. The cache is kept in the user's cache folder
     * ({@code ~/.cache/site-gen}, or {@code SITE_GEN_CACHE_DIR}), never beside the output, so it is never published.
     */
    @Parameter(property = "site-gen.useCache", defaultValue = "true")
    private boolean useCache;

    /**
     * Replaces the output folder even though site-gen did not make it (it has no {@code .site-gen} file): everything
     * in it is lost. Without it, a build into a non-empty folder of someone else's fails and leaves the folder alone.
     */
    @Parameter(property = "site-gen.overwrite", defaultValue = "false")
    private boolean overwrite;

    /** The project's folder: an output folder may never be or contain it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** Skips the build. */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("site-gen: skipped");
            return;
        }
        BuildResult result;
        try {
            result = new SiteGenerator().build(new BuildRequest(sourceDir.toPath(), outputDir.toPath(), baseUrl, useCache)
                    .withForce(overwrite).withProjectDir(basedir == null ? null : basedir.toPath()));
        } catch (OutOfMemoryError e) {
            // Maven's heap is set by MAVEN_OPTS or .mvn/jvm.config; say so instead of a stack trace.
            throw new MojoFailureException("out of memory building " + sourceDir + ": Maven may use at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap; give it more with -Xmx, e.g. -Xmx2g in MAVEN_OPTS or .mvn/jvm.config");
        }
        Problems.log(getLog(), result.problems(), shown(sourceDir.toPath()));
        if (!result.ok()) {
            getLog().error(result.summary());
            throw new MojoFailureException(Problems.count(result.errors().size()) + " in " + sourceDir + "; see the lines above");
        }
        getLog().info(result.summary());
    }

    /** The site folder as the user sees it: relative to where Maven was started, when below it. */
    static Path shown(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }
}
