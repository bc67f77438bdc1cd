package dev.sitegen.content;

import dev.sitegen.problem.Pos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it stood, so that validation long after loading can still say {@code path:line:col}. */
public sealed interface YamlNode {
    Pos at();

    /** A mapping, keys in file order; {@code keys} holds each key's own position. */
    record Mapping(Pos at, Map<String, YamlNode> values, Map<String, Pos> keys) implements YamlNode {
        public Mapping {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }
    }

    record Sequence(Pos at, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A scalar as written: {@code yes} stays the string "yes"; {@code null} text means YAML null ({@code ~} or nothing). */
    record Scalar(Pos at, String text) implements YamlNode {
        public boolean isNull() {
            return text == null;
        }
    }

    static String kind(YamlNode node) {
        if (node instanceof Mapping) return "a mapping";
        if (node instanceof Sequence) return "a list";
        Scalar s = (Scalar) node;
        return s.isNull() ? "empty" : "'" + s.text() + "'";
    }
}
