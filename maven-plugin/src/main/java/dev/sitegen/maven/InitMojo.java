package dev.sitegen.maven;

import dev.sitegen.content.Scaffold;
import dev.sitegen.problem.Report;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.LocalDate;
import java.util.List;

/**
 * Starts a site: {@code mvn site-gen:init} writes a working starter site into {@code content/} (site.yaml, a roadmap
 * of three stages with its topic pages, a guide), each file written as an example to copy. Needs no project: run in
 * an empty folder it makes {@code content/} there. Never overwrites a file: a folder that already holds a site, or any
 * of the starter's files, is left as it is.
 */
@Mojo(name = "init", threadSafe = true, aggregator = true, requiresProject = false)
public class InitMojo extends AbstractMojo {
    /** The site folder to make. */
    @Parameter(property = "site-gen.sourceDir", defaultValue = "${basedir}/content", required = true)
    private File sourceDir;

    /** Skips the goal. */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("site-gen: skipped");
            return;
        }
        Report report = new Report(sourceDir.toPath());
        List<String> made = new Scaffold(sourceDir.toPath(), report, LocalDate.now()).init();
        Problems.log(getLog(), report.problems(), BuildMojo.shown(sourceDir.toPath()));
        if (report.hasErrors()) throw new MojoFailureException("nothing was written; see the lines above");
        String site = BuildMojo.shown(sourceDir.toPath()).toString();
        getLog().info("Wrote a starter site of " + made.size() + " files into " + site + ". Next:");
        getLog().info("  mvn site-gen:serve     preview it at http://127.0.0.1:1313/, rebuilt on every save");
        getLog().info("  edit " + site + "/site.yaml    your site's title, description and baseUrl");
        getLog().info("  mvn site-gen:build     the site to publish, in target/site-gen"
                + " (or declare the build goal in your pom and run mvn package)");
    }
}
