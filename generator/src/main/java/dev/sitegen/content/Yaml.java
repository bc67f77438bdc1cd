package dev.sitegen.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.sitegen.problem.Pos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with positions, through Jackson's streaming parser.
 * Scalars keep their text (no YAML 1.1 booleans); aliases are refused, so "billion laughs" cannot expand.
 */
public final class Yaml {
    static final int MAX_DEPTH = 64;
    private final YAMLFactory factory;

    public Yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(4 * 1024 * 1024);
        options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with their position
        this.factory = YAMLFactory.builder().loaderOptions(options).build();
    }

    /** What went wrong reading a document: the message and where. */
    public record Failure(Pos at, String message) {}

    /** A parsed document (null when empty) and the problems found reading it. */
    public record Result(YamlNode root, List<Failure> failures) {}

    /**
     * Parses {@code text}; positions are shifted down by {@code lineOffset} lines (front matter sits below a {@code ---} line).
     */
    public Result parse(String text, int lineOffset) {
        List<Failure> failures = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) return new Result(null, failures);
            YamlNode root = read(parser, lineOffset, failures, 0);
            JsonToken after = parser.nextToken();
            if (after != null) failures.add(new Failure(pos(parser.currentTokenLocation(), lineOffset),
                    "more than one YAML document; remove the extra '---'"));
            return new Result(root, failures);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                // snakeyaml says what it found and what it was reading: "expected <block end>, but found ... (while parsing a block mapping)".
                // An unclosed quote is found at the end of the text; where it was opened is the place to fix.
                var mark = m.getProblem() != null && m.getProblem().contains("end of stream") && m.getContextMark() != null
                        ? m.getContextMark() : m.getProblemMark();
                Pos at = new Pos(mark.getLine() + 1 + lineOffset, mark.getColumn() + 1);
                String context = m.getContext() == null ? "" : " (" + clean(m.getContext()) + ")";
                if (m.getProblem() != null && m.getProblem().contains("\\t(TAB)")) {
                    failures.add(new Failure(at, "a tab here: tabs cannot indent YAML; use spaces"));
                } else {
                    failures.add(new Failure(at, "invalid YAML: " + clean(m.getProblem()) + context + hint(m.getProblem())));
                }
            } else {
                failures.add(new Failure(pos(e.getLocation(), lineOffset), "invalid YAML: " + clean(e.getOriginalMessage())));
            }
            return new Result(null, failures);
        } catch (IOException e) {
            failures.add(new Failure(Pos.START.shift(lineOffset), "invalid YAML: " + clean(e.getMessage())));
            return new Result(null, failures);
        }
    }

    private YamlNode read(YAMLParser p, int lineOffset, List<Failure> failures, int depth) throws IOException {
        Pos at = pos(p.currentTokenLocation(), lineOffset);
        if (depth > MAX_DEPTH) throw new JsonParseDepth(p);
        if (p.isCurrentAlias()) {
            failures.add(new Failure(at, "YAML aliases (*" + p.getText() + ") are not supported; write the value out"));
            return new YamlNode.Scalar(at, null);
        }
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> values = new LinkedHashMap<>();
                Map<String, Pos> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Pos keyAt = pos(p.currentTokenLocation(), lineOffset);
                    p.nextToken();
                    YamlNode value = read(p, lineOffset, failures, depth + 1);
                    if (values.containsKey(key)) {
                        failures.add(new Failure(keyAt, "duplicate key '" + key + "' (first at line " + keys.get(key).line() + ")"));
                    } else {
                        values.put(key, value);
                        keys.put(key, keyAt);
                    }
                }
                return new YamlNode.Mapping(at, values, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(p, lineOffset, failures, depth + 1));
                return new YamlNode.Sequence(at, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(at, null);
            }
            default -> {
                return new YamlNode.Scalar(at, p.getText());
            }
        }
    }

    private static Pos pos(JsonLocation location, int lineOffset) {
        if (location == null || location.getLineNr() <= 0) return Pos.START.shift(lineOffset);
        return new Pos(location.getLineNr() + lineOffset, Math.max(1, location.getColumnNr()));
    }

    /** snakeyaml's messages carry their own "in 'reader', line 3" trailer; we give the position ourselves. */
    private static String clean(String message) {
        if (message == null) return "unreadable document";
        String m = message.replaceAll("\\s*in 'reader', line \\d+, column \\d+:?", "")
                .replaceAll("(?s)\\n.*", "").trim();
        return m.isEmpty() ? "unreadable document" : m;
    }

    private static String hint(String problem) {
        if (problem == null) return "";
        if (problem.contains("block end") || problem.contains("mapping values are not allowed")) return "; check the indentation of this line and the one above";
        if (problem.contains("end of stream")) return "; a quote or bracket is not closed";
        if (problem.contains("found character '\\t'")) return "; YAML does not allow tabs for indentation";
        return "";
    }

    private static final class JsonParseDepth extends JsonProcessingException {
        JsonParseDepth(JsonParser p) {
            super("nesting deeper than " + MAX_DEPTH + " levels", p.currentTokenLocation());
        }
    }
}
