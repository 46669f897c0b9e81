package org.ebpfexporter.exporter.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML mapping being read into a record, with the position it came from so that every
 * complaint is one line: {@code FILE: CONTEXT: FIELD: PROBLEM}.
 */
final class YamlNode {
    private final Map<?, ?> map;
    private final String file;
    private final String context;
    private final String path;

    private YamlNode(Map<?, ?> map, String file, String context, String path) {
        this.map = map;
        this.file = file;
        this.context = context;
        this.path = path;
    }

    /** The document root; an empty document reads as an empty mapping. */
    static YamlNode root(Object document, String file) {
        YamlNode empty = new YamlNode(Map.of(), file, "", "");
        return document == null ? empty : empty.mapping(document, "");
    }

    /** The same mapping, its complaints prefixed with {@code newContext} (such as {@code counter x}). */
    YamlNode within(String newContext, String newPath) {
        return new YamlNode(map, file, newContext, newPath);
    }

    /** Rejects keys outside {@code allowed}, as upstream's strict decoding does. */
    YamlNode onlyKeys(Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !allowed.contains(name)) {
                throw fail(String.valueOf(key), "unknown field (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw fail(key, "missing");
        }
        return value;
    }

    String string(String key, String fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw fail(key, "expected a string, got " + describe(value));
        }
        return String.valueOf(value);
    }

    int integer(String key, int fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw fail(key, "expected an integer, got " + describe(value));
    }

    double number(String key, double fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw fail(key, "expected a number, got " + describe(value));
    }

    boolean bool(String key) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw fail(key, "expected true or false, got " + describe(value));
    }

    /** The list under {@code key} (empty when absent). */
    List<?> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw fail(key, "expected a list, got " + describe(value));
    }

    /** The mappings of the list under {@code key}, each positioned as {@code key[i]}. */
    List<YamlNode> mappings(String key) {
        List<YamlNode> nodes = new ArrayList<>();
        List<?> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            nodes.add(mapping(list.get(i), key + "[" + i + "]"));
        }
        return nodes;
    }

    /** The mapping under {@code key} (empty when absent). */
    YamlNode child(String key) {
        Object value = map.get(key);
        return value == null ? new YamlNode(Map.of(), file, context, field(key)) : mapping(value, key);
    }

    /** A scalar-to-scalar mapping as strings (YAML 1.1 reads {@code 1: read} with an integer key). */
    Map<String, String> stringMap(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            throw fail(key, "expected a mapping, got " + describe(value));
        }
        Map<String, String> result = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k == null || v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
                throw fail(key, "expected scalar keys and values, got " + k + ": " + describe(v));
            }
            result.put(String.valueOf(k), String.valueOf(v));
        });
        return result;
    }

    /** A list of scalars as strings. */
    List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                throw fail(key, "expected a list of strings, got an item " + describe(item));
            }
            result.add(String.valueOf(item));
        }
        return result;
    }

    /** A complaint about {@code key} of this mapping. */
    ConfigException fail(String key, String problem) {
        String where = context.isEmpty() ? "" : context + ": ";
        return new ConfigException(file + ": " + where + field(key) + ": " + problem);
    }

    private YamlNode mapping(Object value, String key) {
        if (value instanceof Map<?, ?> m) {
            return new YamlNode(m, file, context, field(key));
        }
        throw fail(key, "expected a mapping, got " + describe(value));
    }

    private String field(String key) {
        if (path.isEmpty()) {
            return key;
        }
        return key.isEmpty() ? path : path + "." + key;
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Map<?, ?> m -> "a mapping";
            case List<?> l -> "a list";
            case String s -> "\"" + s + "\"";
            default -> String.valueOf(value);
        };
    }
}
