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
 * Makes a new roadmap, topic or guide with valid front matter:
 * {@code mvn site-gen:new -Dkind=topic -Droadmap=backend -Dname="Message queues"}. A topic is also added to its
 * roadmap's skill graph. Never overwrites a file.
 */
@Mojo(name = "new", threadSafe = true, aggregator = true, requiresProject = true)
public class NewMojo extends AbstractMojo {
    @Parameter(property = "site-gen.sourceDir", defaultValue = "${project.basedir}/content", required = true)
    private File sourceDir;

    /** roadmap, topic or guide. */
    @Parameter(property = "kind", required = true)
    private String kind;

    /** The title; the file name and id are made from it. */
    @Parameter(property = "name", required = true)
    private String name;

    /** For a topic: the roadmap it belongs to. */
    @Parameter(property = "roadmap")
    private String roadmap;

    /** For a topic: its stage id (default: the roadmap's last stage). */
    @Parameter(property = "stage")
    private String stage;

    @Override
    public void execute() throws MojoFailureException {
        Report report = new Report(sourceDir.toPath());
        List<String> made = new Scaffold(sourceDir.toPath(), report, LocalDate.now()).create(kind, roadmap, name, stage);
        Problems.log(getLog(), report.problems(), BuildMojo.shown(sourceDir.toPath()));
        if (report.hasErrors()) throw new MojoFailureException("nothing was written; see the lines above");
        for (String file : made) getLog().info("wrote " + BuildMojo.shown(sourceDir.toPath().resolve(file)));
    }
}
