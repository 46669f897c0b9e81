package org.ebpfexporter.exporter.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping being read into a record, with the position it came from so that every
 * complaint is one line: {@code FILE: CONTEXT: FIELD: PROBLEM}.
 *
 * <p>It reads snakeyaml's node tree rather than constructed objects because upstream's Go parser
 * (gopkg.in/yaml.v2) gives a string field or a {@code map[string]string} entry the scalar exactly
 * as written: {@code 010: x} in a {@code static_map} has the key {@code "010"}, not the YAML 1.1
 * integer 8, so it matches a previous decoder's output {@code "010"} and never {@code "8"}. Typed
 * fields (sizes, flags, multipliers) are resolved as YAML 1.1, as yaml.v2 resolves them.
 */
final class YamlNode {
    private static final Set<String> GO_TRUE = Set.of("y", "Y");
    private static final Set<String> GO_FALSE = Set.of("n", "N");

    private final Map<String, Node> map;
    private final String file;
    private final String context;
    private final String path;

    private YamlNode(Map<String, Node> map, String file, String context, String path) {
        this.map = map;
        this.file = file;
        this.context = context;
        this.path = path;
    }

    /** The document root; an empty document reads as an empty mapping. */
    static YamlNode root(Node document, String file) {
        YamlNode empty = new YamlNode(Map.of(), file, "", "");
        return document == null || isNull(document) ? empty : empty.mapping(document, "");
    }

    /** The same mapping, its complaints prefixed with {@code newContext} (such as {@code counter x}). */
    YamlNode within(String newContext, String newPath) {
        return new YamlNode(map, file, newContext, newPath);
    }

    /** Rejects keys outside {@code allowed}, suggesting the closest known key for a typo. */
    YamlNode onlyKeys(Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                String hint = Spelling.closest(key, allowed).map(k -> ", did you mean \"" + k + "\"?").orElse("");
                throw fail(key, "unknown field" + hint + " (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        Node node = map.get(key);
        return node != null && !isNull(node);
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw fail(key, "missing");
        }
        return value;
    }

    /** The scalar as written (as yaml.v2 fills a Go string), or {@code fallback} when absent or null. */
    String string(String key, String fallback) {
        Node node = map.get(key);
        if (node == null || isNull(node)) {
            return fallback;
        }
        return text(key, node);
    }

    int integer(String key, int fallback) {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer i) {
            return i;
        }
        throw fail(key, "expected an integer, got " + describe(map.get(key)));
    }

    double number(String key, double fallback) {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw fail(key, "expected a number, got " + describe(map.get(key)));
    }

    boolean bool(String key) {
        Object value = value(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        // yaml.v2 also reads y and n as booleans; YAML 1.1 resolvers such as snakeyaml do not.
        if (GO_TRUE.contains(value) || GO_FALSE.contains(value)) {
            return GO_TRUE.contains(value);
        }
        throw fail(key, "expected true or false, got " + describe(map.get(key)));
    }

    /** The items of the list under {@code key} (empty when absent). */
    List<Node> list(String key) {
        Node node = map.get(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        throw fail(key, "expected a list, got " + describe(node));
    }

    /** The mappings of the list under {@code key}, each positioned as {@code key[i]}. */
    List<YamlNode> mappings(String key) {
        List<YamlNode> nodes = new ArrayList<>();
        List<Node> list = list(key);
        for (int i = 0; i < list.size(); i++) {
            nodes.add(mapping(list.get(i), key + "[" + i + "]"));
        }
        return nodes;
    }

    /** The mapping under {@code key} (empty when absent). */
    YamlNode child(String key) {
        Node node = map.get(key);
        return node == null || isNull(node) ? new YamlNode(Map.of(), file, context, field(key)) : mapping(node, key);
    }

    /** A scalar-to-scalar mapping, keys and values as written (see the class comment). */
    Map<String, String> stringMap(String key) {
        Node node = map.get(key);
        if (node == null || isNull(node)) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        entries(node, key).forEach((k, v) -> {
            if (!(v instanceof ScalarNode)) {
                throw fail(key + "." + k, "expected a string, got " + describe(v));
            }
            result.put(k, isNull(v) ? "" : ((ScalarNode) v).getValue());
        });
        return result;
    }

    /** A list of scalars, as written. */
    List<String> strings(String key) {
        List<String> result = new ArrayList<>();
        for (Node item : list(key)) {
            if (!(item instanceof ScalarNode) || isNull(item)) {
                throw fail(key, "expected a list of strings, got an item " + describe(item));
            }
            result.add(((ScalarNode) item).getValue());
        }
        return result;
    }

    /** A complaint about {@code key} of this mapping. */
    ConfigException fail(String key, String problem) {
        String where = context.isEmpty() ? "" : context + ": ";
        return new ConfigException(file + ": " + where + field(key) + ": " + problem);
    }

    private YamlNode mapping(Node node, String key) {
        return new YamlNode(entries(node, key), file, context, field(key));
    }

    /** The entries of a mapping node by key text, merge keys applied, duplicates refused. */
    private Map<String, Node> entries(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            throw fail(key, "expected a mapping, got " + describe(node));
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Mark> seen = new HashMap<>();
        for (NodeTuple tuple : Scalars.INSTANCE.flattened(mapping)) {
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                throw fail(key, "expected scalar keys, got " + describe(tuple.getKeyNode()));
            }
            String name = isNull(scalar) ? "" : scalar.getValue();
            Mark mark = scalar.getStartMark();
            if (seen.putIfAbsent(name, mark) != null) {
                throw new ConfigException(file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)
                        + ": invalid YAML: duplicate key \"" + name + "\"");
            }
            entries.put(name, tuple.getValueNode());
        }
        return entries;
    }

    private Object value(String key) {
        Node node = map.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode)) {
            return node;
        }
        try {
            return Scalars.INSTANCE.construct(node);
        } catch (YAMLException | IllegalArgumentException e) {
            // A tag such as !!int on text that is no number, or a tag snakeyaml does not know.
            throw fail(key, "invalid value " + describe(node) + ": " + YamlDocument.oneLine(e.getMessage()));
        }
    }

    private String text(String key, Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw fail(key, "expected a string, got " + describe(node));
    }

    private String field(String key) {
        if (path.isEmpty()) {
            return key;
        }
        return key.isEmpty() ? path : path + "." + key;
    }

    private static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }

    private static String describe(Node node) {
        return switch (node) {
            case null -> "nothing";
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when isNull(s) -> "nothing";
            case ScalarNode s when s.getTag().equals(Tag.STR) -> "\"" + s.getValue() + "\"";
            case ScalarNode s -> s.getValue();
            default -> node.getNodeId().toString();
        };
    }

    /** YAML 1.1 construction of single scalars, and merge-key flattening, from snakeyaml's safe constructor. */
    private static final class Scalars extends SafeConstructor {
        private static final Scalars INSTANCE = new Scalars();

        private Scalars() {
            super(new LoaderOptions());
        }

        synchronized Object construct(Node node) {
            return constructObject(node);
        }

        synchronized List<NodeTuple> flattened(MappingNode node) {
            if (node.isMerged()) {
                flattenMapping(node);
            }
            return node.getValue();
        }
    }
}
