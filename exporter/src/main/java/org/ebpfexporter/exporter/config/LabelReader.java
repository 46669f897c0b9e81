package org.ebpfexporter.exporter.config;

import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Reads and validates the {@code labels} of a metric or span, decoder chains included. */
final class LabelReader {
    private static final Set<String> LABEL_FIELDS = Set.of("name", "size", "padding", "decoders");
    private static final Set<String> DECODER_FIELDS = Set.of("name", "static_map", "allow_unknown", "regexps");
    private static final java.util.regex.Pattern LABEL_NAME = java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final SortedSet<String> knownDecoders;

    LabelReader(Set<String> knownDecoders) {
        this.knownDecoders = new TreeSet<>(knownDecoders);
    }

    List<Label> labels(YamlNode owner) {
        List<Label> labels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode node : owner.mappings("labels")) {
            node.onlyKeys(LABEL_FIELDS);
            String name = node.requiredString("name");
            if (!LABEL_NAME.matcher(name).matches()) {
                throw node.fail("name", "\"" + name + "\" is not a valid Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)");
            }
            if (name.startsWith("__")) {
                throw node.fail("name", "\"" + name + "\" starts with __, which Prometheus reserves for internal use");
            }
            if (!names.add(name)) {
                throw node.fail("name", "duplicate label \"" + name + "\"");
            }
            int size = node.integer("size", 0);
            if (size <= 0) {
                throw node.fail("size", node.has("size") ? "must be positive, got " + size : "missing");
            }
            int padding = node.integer("padding", 0);
            if (padding < 0) {
                throw node.fail("padding", "must not be negative, got " + padding);
            }
            labels.add(new Label(name, size, padding, decoders(node)));
        }
        return labels;
    }

    private List<DecoderSpec> decoders(YamlNode label) {
        List<DecoderSpec> decoders = new ArrayList<>();
        for (YamlNode node : label.mappings("decoders")) {
            node.onlyKeys(DECODER_FIELDS);
            String name = node.requiredString("name");
            if (!knownDecoders.contains(name)) {
                String hint = Spelling.closest(name, knownDecoders).map(k -> ", did you mean \"" + k + "\"?").orElse("");
                throw node.fail("name", "unknown decoder \"" + name + "\"" + hint + " (known: "
                        + String.join(", ", knownDecoders) + ")");
            }
            DecoderSpec spec = new DecoderSpec(name, node.stringMap("static_map"), node.bool("allow_unknown"),
                    node.strings("regexps"));
            checkOptions(node, spec);
            decoders.add(spec);
        }
        if (decoders.isEmpty()) {
            throw label.fail("decoders", "missing (at least one decoder is needed)");
        }
        return decoders;
    }

    private static void checkOptions(YamlNode node, DecoderSpec spec) {
        if (spec.name().equals("static_map") && spec.staticMap().isEmpty()) {
            throw node.fail("static_map", "missing (the static_map decoder needs a mapping of input to label value)");
        }
        if (spec.name().equals("regexp")) {
            if (spec.regexps().isEmpty()) {
                throw node.fail("regexps", "missing (the regexp decoder needs at least one pattern)");
            }
            compileAll(node, "regexps", spec.regexps());
        }
    }

    /** Compiles patterns as {@link GoRegexp} does, failing on the first that does not compile. */
    static void compileAll(YamlNode node, String key, List<String> regexps) {
        for (int i = 0; i < regexps.size(); i++) {
            try {
                GoRegexp.compile(regexps.get(i));
            } catch (PatternSyntaxException e) {
                throw node.fail(key + "[" + i + "]", "invalid regexp \"" + regexps.get(i) + "\": " + e.getDescription());
            }
        }
    }
}
