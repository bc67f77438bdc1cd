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
 * {@code mvn site-gen:new -Dsite-gen.kind=topic -Dsite-gen.roadmap=backend -Dsite-gen.name="Message queues"}. A topic
 * is also added to its roadmap's skill graph; a node already in the graph without a page gets its page. Never
 * overwrites a file.
 */
@Mojo(name = "new", threadSafe = true, aggregator = true, requiresProject = true)
public class NewMojo extends AbstractMojo {
    /** The site folder, holding {@code site.yaml}. */
    @Parameter(property = "site-gen.sourceDir", defaultValue = "${project.basedir}/content", required = true)
    private File sourceDir;

    /** What to make: {@code roadmap}, {@code topic}, {@code guide}, or {@code site} (as {@code init} does). */
    // Not "required": Maven's own message for a missing one names no property; execute says what to add.
    @Parameter(property = "site-gen.kind")
    private String kind;

    /** The title; the file name and id are made from it. For a topic, the title or id of a node already in the graph. */
    @Parameter(property = "site-gen.name")
    private String name;

    /** For a topic: the id of the roadmap it belongs to (may be left out when the site has one roadmap). */
    @Parameter(property = "site-gen.roadmap")
    private String roadmap;

    /** For a new topic: the id of its stage (default: the roadmap's first stage). */
    @Parameter(property = "site-gen.stage")
    private String stage;

    /** Skips the goal. */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("site-gen: skipped");
            return;
        }
        if (kind == null || kind.isBlank()) {
            throw new MojoFailureException("say what to make: -Dsite-gen.kind=topic (or roadmap, guide, site) -Dsite-gen.name=\"Message queues\"");
        }
        if (!kind.equals("site") && (name == null || name.isBlank())) {
            throw new MojoFailureException("give the new " + kind + " a name: -Dsite-gen.name=\"Message queues\"");
        }
        Report report = new Report(sourceDir.toPath());
        List<String> made = new Scaffold(sourceDir.toPath(), report, LocalDate.now()).create(kind, roadmap, name, stage);
        Problems.log(getLog(), report.problems(), BuildMojo.shown(sourceDir.toPath()));
        if (report.hasErrors()) throw new MojoFailureException("nothing was written; see the lines above");
        for (String file : made) getLog().info("wrote " + BuildMojo.shown(sourceDir.toPath().resolve(file)));
    }
}
