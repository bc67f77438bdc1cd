package dev.sitegen.content;

import dev.sitegen.problem.Pos;
import dev.sitegen.problem.Report;
import dev.sitegen.problem.Suggest;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reads from one YAML mapping. Each read that fails adds a problem at the value's position and returns
 * a fallback, so one pass reports every mistake in a file. Unknown keys are reported when the reader is made.
 */
public final class Fields {
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_ID_LENGTH = 64;

    private final YamlNode.Mapping map;
    private final Path file;
    private final Report report;
    /** Known fields that an unknown key is a misspelling of: reported there once, not again as missing. */
    private final Set<String> misspelt = new HashSet<>();

    public Fields(YamlNode.Mapping map, Path file, Report report, Set<String> known, String what) {
        this.map = map;
        this.file = file;
        this.report = report;
        map.keys().forEach((key, at) -> {
            if (!known.contains(key)) {
                String meant = Suggest.closest(key, known);
                if (meant != null) misspelt.add(meant);
                report.error(file, at, "unknown field '" + key + "' in " + what + Suggest.didYouMean(key, known)
                        + "; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    /** Reads {@code node} as a mapping, or reports what it was instead and returns null. */
    public static YamlNode.Mapping mapping(YamlNode node, Path file, Report report, String what) {
        if (node instanceof YamlNode.Mapping m) return m;
        report.error(file, node.at(), what + " must be a mapping of 'field: value' lines, found " + YamlNode.kind(node));
        return null;
    }

    public boolean has(String key) {
        YamlNode node = map.values().get(key);
        return node != null && !(node instanceof YamlNode.Scalar s && s.isNull());
    }

    /** The position of a key's value, or of the mapping itself when the key is missing. */
    public Pos at(String key) {
        YamlNode node = map.values().get(key);
        return node != null ? node.at() : map.at();
    }

    public Pos keyAt(String key) {
        Pos at = map.keys().get(key);
        return at != null ? at : map.at();
    }

    /** Whether an unknown key of this mapping is a misspelling of {@code key}, which is then not also reported as missing. */
    public boolean misspelt(String key) {
        return misspelt.contains(key);
    }

    public YamlNode node(String key) {
        return map.values().get(key);
    }

    public String string(String key, boolean required) {
        YamlNode node = map.values().get(key);
        if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) {
            if (required && !misspelt(key)) report.error(file, node == null ? map.at() : node.at(), "missing required field '" + key + "'");
            return null;
        }
        if (node instanceof YamlNode.Scalar s) {
            if (required && s.text().isBlank()) {
                report.error(file, s.at(), "'" + key + "' must not be empty");
                return null;
            }
            return s.text();
        }
        report.error(file, node.at(), "'" + key + "' must be a single value, found " + YamlNode.kind(node));
        return null;
    }

    /** An id or slug: lower-case letters, digits and single hyphens. */
    public String id(String key, boolean required) {
        String value = string(key, required);
        if (value != null && !isId(value)) {
            report.error(file, at(key), "'" + key + "' is '" + value + "': use lower-case letters, digits and single hyphens"
                    + " (at most " + MAX_ID_LENGTH + " characters), e.g. '" + slugify(value) + "'");
            return null;
        }
        return value;
    }

    public LocalDate date(String key, boolean required) {
        String value = string(key, required);
        if (value == null) return null;
        try {
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            report.error(file, at(key), "'" + key + "' is '" + value + "', not a date; write it as YYYY-MM-DD");
            return null;
        }
    }

    public boolean bool(String key, boolean fallback) {
        String value = string(key, false);
        if (value == null) return fallback;
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                report.error(file, at(key), "'" + key + "' is '" + value + "'; write true or false");
                yield fallback;
            }
        };
    }

    public int integer(String key, int fallback) {
        String value = string(key, false);
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            report.error(file, at(key), "'" + key + "' is '" + value + "', not a whole number");
            return fallback;
        }
    }

    /** A list of strings; a single value is taken as a list of one. Each item keeps its position. */
    public List<Ref> refs(String key) {
        YamlNode node = map.values().get(key);
        List<Ref> refs = new ArrayList<>();
        if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) return refs;
        if (node instanceof YamlNode.Scalar s) {
            refs.add(new Ref(s.text(), s.at()));
            return refs;
        }
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s && !s.isNull()) refs.add(new Ref(s.text(), s.at()));
                else report.error(file, item.at(), "each item of '" + key + "' must be a single value, found " + YamlNode.kind(item));
            }
            return refs;
        }
        report.error(file, node.at(), "'" + key + "' must be a list, found " + YamlNode.kind(node));
        return refs;
    }

    public List<String> strings(String key) {
        return refs(key).stream().map(Ref::value).toList();
    }

    /** The items of a list of mappings; items that are not mappings are reported and skipped. */
    public List<YamlNode.Mapping> mappings(String key, String what) {
        YamlNode node = map.values().get(key);
        List<YamlNode.Mapping> items = new ArrayList<>();
        if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) return items;
        if (!(node instanceof YamlNode.Sequence seq)) {
            report.error(file, node.at(), "'" + key + "' must be a list of " + what + "s, found " + YamlNode.kind(node));
            return items;
        }
        for (YamlNode item : seq.items()) {
            YamlNode.Mapping m = mapping(item, file, report, what);
            if (m != null) items.add(m);
        }
        return items;
    }

    public static boolean isId(String value) {
        return value.length() <= MAX_ID_LENGTH && ID.matcher(value).matches();
    }

    /** A suggestion for an id made from free text: "Message queues" becomes "message-queues". */
    public static String slugify(String text) {
        String slug = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_ID_LENGTH) slug = slug.substring(0, MAX_ID_LENGTH).replaceAll("-+$", "");
        return slug.isEmpty() ? "page" : slug;
    }

    /** A string from a list, with its position. */
    public record Ref(String value, Pos at) {}
}
