package dev.sitegen.maven;

import dev.sitegen.SiteGenerator;
import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Duration;

/**
 * Checks the site without writing it: {@code mvn site-gen:check}. Fails with the complete list of problems, including
 * those a build only warns about (orphan topics, duplicate titles); {@code -Dsite-gen.checkExternal=true} also requests
 * every external link.
 */
@Mojo(name = "check", threadSafe = true, aggregator = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {
    /** The site folder, holding {@code site.yaml}. */
    @Parameter(property = "site-gen.sourceDir", defaultValue = "${project.basedir}/content", required = true)
    private File sourceDir;

    /** The build goal's output folder: checked as a build would check it (never the site or project folder), not written. */
    @Parameter(property = "site-gen.outputDir", defaultValue = "${project.build.directory}/site-gen", required = true)
    private File outputDir;

    /** Also request every external link (HEAD, then GET), with a timeout and at most a few requests per host. */
    @Parameter(property = "site-gen.checkExternal", defaultValue = "false")
    private boolean checkExternal;

    /** Seconds to wait for each external link. */
    @Parameter(property = "site-gen.externalTimeout", defaultValue = "10")
    private int externalTimeout;

    /** Fail, rather than warn, when no external server answers at all (the network is down). */
    @Parameter(property = "site-gen.failOnNetworkError", defaultValue = "false")
    private boolean failOnNetworkError;

    /** Skips the check. */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("site-gen: skipped");
            return;
        }
        BuildResult result = new SiteGenerator().check(new BuildRequest(sourceDir.toPath(), outputDir.toPath()),
                checkExternal ? Duration.ofSeconds(externalTimeout) : null, failOnNetworkError);
        Problems.log(getLog(), result.problems(), BuildMojo.shown(sourceDir.toPath()));
        if (!result.ok()) throw new MojoFailureException(Problems.count(result.errors().size()) + " in " + sourceDir + "; see the lines above");
        getLog().info(result.checkSummary());
    }
}
