package dev.sitegen.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every problem a build found, collected rather than thrown so an editor sees all of them at once.
 * Safe to add to from several render threads. Paths are shown relative to the site folder.
 */
public final class Report {
    private final Path siteDir;
    // A set: a hostile file can cause a problem per line, and a list's contains() made adding them quadratic.
    private final Set<Problem> problems = new LinkedHashSet<>();

    public Report(Path siteDir) {
        this.siteDir = siteDir == null ? null : siteDir.toAbsolutePath().normalize();
    }

    public synchronized void add(Problem problem) {
        problems.add(problem);
    }

    public void error(Path file, int line, int column, String message) {
        add(new Problem(Severity.ERROR, name(file), line, column, message));
    }

    public void error(Path file, Pos at, String message) {
        error(file, at.line(), at.column(), message);
    }

    public void warn(Path file, int line, int column, String message) {
        add(new Problem(Severity.WARNING, name(file), line, column, message));
    }

    public void warn(Path file, Pos at, String message) {
        warn(file, at.line(), at.column(), message);
    }

    /** The name under which a file is shown: relative to the site folder when inside it. */
    public String name(Path file) {
        if (file == null) return "";
        Path abs = file.toAbsolutePath().normalize();
        if (siteDir != null && abs.startsWith(siteDir)) return Problem.display(siteDir.relativize(abs));
        return Problem.display(file);
    }

    public synchronized boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public synchronized int errorCount() {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    /** All problems, sorted by file, line and column. */
    public synchronized List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column).thenComparing(Problem::message));
        return List.copyOf(sorted);
    }
}
