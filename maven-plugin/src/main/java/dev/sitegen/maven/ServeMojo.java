package dev.sitegen.maven;

import dev.sitegen.serve.Serve;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Builds the site, serves it on http://127.0.0.1:1313/ and rebuilds on every change, reloading open pages:
 * {@code mvn site-gen:serve}. Stops on Ctrl+C.
 */
@Mojo(name = "serve", threadSafe = true, aggregator = true, requiresProject = true)
public class ServeMojo extends AbstractMojo {
    /** The site folder, holding {@code site.yaml}. */
    @Parameter(property = "site-gen.sourceDir", defaultValue = "${project.basedir}/content", required = true)
    private File sourceDir;

    /** Where the served site is built; apart from the build goal's output, since links point at this server. */
    @Parameter(property = "site-gen.serveDir", defaultValue = "${project.build.directory}/serve", required = true)
    private File serveDir;

    /** The address to listen on; loopback unless you mean to share the preview. */
    @Parameter(property = "site-gen.host", defaultValue = "127.0.0.1")
    private String host;

    /** The port to listen on. */
    @Parameter(property = "site-gen.port", defaultValue = "1313")
    private int port;

    /** Replaces the serve folder even though site-gen did not make it (it has no {@code .site-gen} file). */
    @Parameter(property = "site-gen.overwrite", defaultValue = "false")
    private boolean overwrite;

    /** Skips the goal. */
    @Parameter(property = "site-gen.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("site-gen: skipped");
            return;
        }
        PrintStream log = new PrintStream(new LogStream(getLog()), true);
        try (Serve serve = new Serve(sourceDir.toPath(), serveDir.toPath(), host, port, log)) {
            serve.force(overwrite);
            serve.problems(new Serve.ProblemLog() {
                @Override
                public void error(String line) {
                    getLog().error(line);
                }

                @Override
                public void warn(String line) {
                    getLog().warn(line);
                }
            });
            serve.start();
            getLog().info("Serving " + sourceDir + " at " + serve.url() + " (Ctrl+C to stop)");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (BindException e) {
            throw new MojoExecutionException("cannot serve on port " + port + ": it is in use; try -Dsite-gen.port=" + (port + 1));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot serve: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The engine's progress lines, into Maven's log. */
    private static final class LogStream extends OutputStream {
        private final org.apache.maven.plugin.logging.Log log;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LogStream(org.apache.maven.plugin.logging.Log log) {
            this.log = log;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                log.info(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
