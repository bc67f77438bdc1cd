package dev.sitegen.check;

import dev.sitegen.content.ActiveContent;
import dev.sitegen.output.CaseFold;
import dev.sitegen.output.OutputDir;
import dev.sitegen.output.OutputFolder;
import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The static files that may join the generated ones: none may replace a generated file, differ from one only in
 * letter case, or (unless the site trusts its editors) be an active file. Checked once the pages are written, when
 * every generated name is known.
 */
public final class OutputNames {
    private OutputNames() {}

    public static Map<String, Path> copyable(Map<String, Path> statics, OutputDir out, boolean allowHtml, Report report) throws IOException {
        CaseFold names = new CaseFold();
        out.written().stream().sorted().forEach(names::add);
        List.of(OutputFolder.MARKER, "search/index.json").forEach(names::add);
        Map<String, Path> copy = new TreeMap<>();
        for (Map.Entry<String, Path> e : statics.entrySet()) {
            var active = allowHtml ? null : ActiveContent.check(e.getValue(), e.getKey());
            String clash = out.contains(e.getKey()) ? null : names.add(e.getKey());
            if (out.contains(e.getKey())) {
                report.error(e.getValue(), Pos.UNKNOWN, "static file would replace the generated /" + e.getKey() + "; rename it");
            } else if (clash != null) {
                report.error(e.getValue(), Pos.UNKNOWN, "static file /" + e.getKey() + " differs from /" + clash
                        + " only in letter case; a case-insensitive host (Windows, macOS) keeps only one of them; rename it");
            } else if (active != null) {
                report.error(e.getValue(), active.at(), "static file " + active.message());
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return copy;
    }
}
