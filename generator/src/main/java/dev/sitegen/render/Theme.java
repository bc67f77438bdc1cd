package dev.sitegen.render;

import dev.sitegen.cache.Fingerprint;
import dev.sitegen.problem.Problem;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Freemarker themes: a site's {@code theme/templates/} and {@code theme/assets/} first, then the default theme on the
 * classpath (Hugo's lookup order). Auto-escaping is on ({@code .ftlh}), {@code ?new} and {@code ?api} are off, and
 * template errors come back as problems at {@code template:line:col}. Thread-safe once made.
 */
public final class Theme {
    static final String DEFAULT = "site-gen/themes/default/";
    private final Configuration freemarker;
    private final Path siteThemeDir;

    /** A template failed; {@code problem} says where. */
    public static final class TemplateFailure extends Exception {
        private final transient Problem problem;

        TemplateFailure(Problem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** {@code siteThemeDir} may be null: the default theme alone. */
    public Theme(Path siteThemeDir) {
        this.siteThemeDir = siteThemeDir;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        try {
            TemplateLoader defaults = new ClassTemplateLoader(Theme.class.getClassLoader(), DEFAULT + "templates");
            Path overrides = siteThemeDir == null ? null : siteThemeDir.resolve("templates");
            cfg.setTemplateLoader(overrides != null && Files.isDirectory(overrides)
                    ? new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrides.toFile(), false), defaults})
                    : defaults);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setLocalizedLookup(false);
        cfg.setNumberFormat("computer");
        // A Theme lives for one build, or for as long as the dev server sees no change in the theme folder (see stamp).
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setExposeFields(false);
        cfg.setObjectWrapper(wrapper.build());
        this.freemarker = cfg;
    }

    /** Renders {@code template} with {@code model}. */
    public String render(String template, Map<String, Object> model) throws TemplateFailure {
        try {
            Template t = freemarker.getTemplate(template);
            StringWriter out = new StringWriter(16 * 1024);
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new TemplateFailure(Problem.error(source(e.getTemplateName() == null ? template : e.getTemplateName()),
                    e.getLineNumber(), e.getColumnNumber(), "template syntax error: " + firstLine(e.getEditorMessage())));
        } catch (TemplateException e) {
            String name = e.getTemplateSourceName() == null ? template : e.getTemplateSourceName();
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            throw new TemplateFailure(Problem.error(source(name), line == null ? 0 : line, column == null ? 0 : column,
                    "template error: " + firstLine(e.getMessageWithoutStackTop())));
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new TemplateFailure(Problem.error(source(template), 0, 0, "template not found: " + template));
        } catch (IOException e) {
            throw new TemplateFailure(Problem.error(source(template), 0, 0, "cannot read template: " + e.getMessage()));
        }
    }

    /** How a template is named in problems: the site's own file, or {@code theme:default/templates/x.ftlh}. */
    String source(String template) {
        if (siteThemeDir != null && Files.isRegularFile(siteThemeDir.resolve("templates").resolve(template))) {
            return siteThemeDir.getFileName() + "/templates/" + template;
        }
        return "theme:default/templates/" + template;
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        String m = message.strip();
        // Freemarker's tips ("Tip: ...") and the ---- separators are noise in a one-line report.
        int cut = m.indexOf("\n----");
        if (cut > 0) m = m.substring(0, cut);
        return m.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    /** Theme assets by path below {@code assets/}: the default theme's, replaced by the site's where a name matches. */
    public synchronized Map<String, byte[]> assets() throws IOException {
        if (assets == null) assets = files("assets");
        return assets;
    }

    private Map<String, byte[]> assets;

    /**
     * A stamp of the site's theme folder (every file's path, size and time): a kept Theme is good for as long as the
     * stamp is the same. Freemarker's own cache would not see a template override added later.
     */
    public static String stamp(Path siteThemeDir) {
        if (siteThemeDir == null || !Files.isDirectory(siteThemeDir)) return "";
        StringBuilder stamp = new StringBuilder();
        try (Stream<Path> walk = Files.walk(siteThemeDir)) {
            for (Path p : walk.sorted().toList()) {
                stamp.append(p).append(' ').append(Files.isRegularFile(p) ? Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() : "d").append('\n');
            }
        } catch (IOException e) {
            return "unreadable " + System.nanoTime();
        }
        return stamp.toString();
    }

    /**
     * A hash of every template and asset the theme resolves to: when it changes, every page may change. Computed
     * once; it is what lets an incremental build trust a page from the previous build.
     */
    public synchronized String fingerprint() throws IOException {
        if (fingerprint == null) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (String sub : new String[] {"templates", "assets"}) {
                for (Map.Entry<String, byte[]> e : files(sub).entrySet()) {
                    all.writeBytes((sub + "/" + e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
                    all.writeBytes(e.getValue());
                }
            }
            fingerprint = Fingerprint.of(all.toByteArray());
        }
        return fingerprint;
    }

    private String fingerprint;

    /** The default theme's files below {@code sub}, with the site theme's files of the same name put over them. */
    private Map<String, byte[]> files(String sub) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        URL url = Theme.class.getClassLoader().getResource(DEFAULT + sub);
        if (url == null) throw new IOException("default theme not found on the classpath (" + DEFAULT + sub + ")");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                collect(fs.getPath("/" + DEFAULT + sub), files);
            } else {
                collect(Path.of(uri), files);
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (siteThemeDir != null && Files.isDirectory(siteThemeDir.resolve(sub))) collect(siteThemeDir.resolve(sub), files);
        return files;
    }

    private static void collect(Path root, Map<String, byte[]> into) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".")) into.put(rel, Files.readAllBytes(p));
            }
        }
    }
}
