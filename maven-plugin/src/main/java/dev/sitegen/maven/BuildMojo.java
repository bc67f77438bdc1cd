package dev.sitegen.maven;

import dev.sitegen.SiteGenerator;
import dev.sitegen.build.BuildRequest;
import dev.sitegen.build.BuildResult;
import dev.sitegen.problem.Problem;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the site: {@code mvn site-gen:build}, or in the {@code package} phase once the goal is declared in an
 * {@code <execution>} (no {@code <phase>} needed). Called from the command line it runs once for the project it is
 * called on (an aggregator), so at the root of a multi-module build it builds that project's {@code content/} and not
 * once per module. By default the build runs in a Java of its own with the launcher's settings ({@link ForkedBuild});
 * its lines reach Maven's log as they would from a build in Maven's Java.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true, aggregator = true, requiresProject = true)
public class BuildMojo extends AbstractMojo {

    /** The site folder, holding {@code site.yaml}. */
    @Parameter(property = "site-gen.sourceDir", defaultValue = "${project.basedir}/content", required = true)
    private File sourceDir;

    /**
     * Where the site is written; replaced whole on success, untouched on failure. Not {@code target/site}: that is
     * maven-site-plugin's, and {@code mvn site} would overwrite it.
     */
    @Parameter(property = "site-gen.outputDir", defaultValue = "${project.build.directory}/site-gen", required = true)
    private File outputDir;

    /** Replaces site.yaml's baseUrl, e.g. for a preview deployment. */
    @Parameter(property = "site-gen.baseUrl")
    private String baseUrl;

    /**
     * Takes pages whose inputs did not change from the previous output, which makes a rebuild after a small edit
     * several times faster; {@code false} renders every page. The cache is kept in the user's cache folder
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

    /**
     * Runs the build in a Java of its own with {@code ./site-gen}'s settings (a 768 MB heap from the start, the
     * throughput collector, C1 alone); {@code SITE_GEN_JAVA_OPTS} adds to them, e.g. {@code -Xmx2g} for a site of more
     * than about 20,000 pages. {@code false} builds in Maven's own Java, with the settings of {@code MAVEN_OPTS} or
     * {@code .mvn/jvm.config}: a second faster on the example site, slower from 1,000 pages on (10,000 pages: 20.7
     * against 18.6 s; docs/performance.md).
     */
    @Parameter(property = "site-gen.fork", defaultValue = "true")
    private boolean fork;

    /** The plugin's own jars (the generator and its dependencies): the forked Java's class path. */
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** Skips the build, e.g. {@code -Dsite-gen.skip} on a build that only runs the tests. */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("site-gen: skipped");
            return;
        }
        if (fork) {
            forked();
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

    private void forked() throws MojoFailureException, MojoExecutionException {
        // The site is named as in-process problems name it (relative to Maven's folder), so the lines are the same.
        Path cwd = Path.of("").toAbsolutePath();
        String site = shown(sourceDir.toPath()).toString();
        List<String> args = new ArrayList<>(List.of("build", site.isEmpty() ? "." : site, "--out", outputDir.getAbsolutePath(),
                "--project-dir", (basedir == null ? cwd.toFile() : basedir).getAbsolutePath()));
        if (baseUrl != null && !baseUrl.isBlank()) args.addAll(List.of("--base-url", baseUrl));
        if (!useCache) args.add("--no-cache");
        if (overwrite) args.add("--force");
        Path cacheDir = BuildRequest.defaultCacheDir().toAbsolutePath();
        List<String> options = new ArrayList<>(ForkedBuild.options(System.getenv("SITE_GEN_JAVA_OPTS")));
        // The build cache stays where a build in Maven's Java would keep it (-Dsite-gen.cacheDir may name it).
        options.add("-Dsite-gen.cacheDir=" + cacheDir);
        List<Path> classpath = new ArrayList<>();
        for (Artifact a : plugin.getArtifacts()) {
            if (a.getFile() != null && a.getFile().getName().endsWith(".jar")) classpath.add(a.getFile().toPath());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ForkedBuild.Result result;
        try {
            result = ForkedBuild.run(java, classpath, options, args, cwd, getLog());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot run the build in a Java of its own (" + e.getMessage() + "); -Dsite-gen.fork=false builds in Maven's", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted; the build's Java was stopped", e);
        }
        switch (result.exit()) {
            case 0 -> { }
            case 1 -> throw new MojoFailureException(Problems.count(result.errors()) + " in " + sourceDir + "; see the lines above");
            case 3 -> throw new MojoFailureException("out of memory building " + sourceDir
                    + ": give the build's Java more heap with SITE_GEN_JAVA_OPTS=-Xmx2g, or build in Maven's with -Dsite-gen.fork=false");
            default -> throw new MojoExecutionException("the build's Java ended with exit code " + result.exit() + "; see the lines above");
        }
    }

    /** The site folder as the user sees it: relative to where Maven was started, when below it. */
    static Path shown(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }
}
