package org.ebpfexporter.exporter.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code NAME.yaml} files in upstream ebpf_exporter's format (YAML 1.1, as its Go parser
 * reads them) and validates what can be checked without the BPF object: required fields, known
 * decoders, no unknown fields. Key sizes against maps are checked when the object is loaded.
 */
public final class ConfigLoader {
    private static final Set<String> ROOT_FIELDS = Set.of("metrics", "kaddrs");
    private static final Set<String> METRICS_FIELDS = Set.of("counters", "histograms");
    private static final Set<String> COUNTER_FIELDS = Set.of("name", "help", "labels", "perf_event_array",
            "flush_interval");
    private static final Set<String> HISTOGRAM_FIELDS = Set.of("name", "help", "labels", "bucket_type",
            "bucket_multiplier", "bucket_min", "bucket_max", "bucket_keys");
    private static final Set<String> LABEL_FIELDS = Set.of("name", "size", "padding", "decoders");
    private static final Set<String> DECODER_FIELDS = Set.of("name", "static_map", "allow_unknown", "regexps");

    private final Set<String> knownDecoders;

    /** @param knownDecoders the decoder names a label may use */
    public ConfigLoader(Set<String> knownDecoders) {
        this.knownDecoders = new TreeSet<>(knownDecoders);
    }

    /**
     * Reads and validates {@code dir/NAME.yaml}.
     *
     * @throws ConfigException naming the file and the problem
     */
    public Config load(Path dir, String name) {
        Path file = dir.resolve(name + ".yaml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(name, file.toString(), reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses YAML text; {@code file} is only used in messages. */
    public Config parse(String name, String file, String yaml) {
        return parse(name, file, new StringReader(yaml));
    }

    /** Parses YAML from a reader; {@code file} is only used in messages. */
    public Config parse(String name, String file, Reader yaml) {
        YamlNode root = YamlNode.root(read(file, yaml), file).onlyKeys(ROOT_FIELDS);
        YamlNode metrics = root.child("metrics").onlyKeys(METRICS_FIELDS);
        List<Counter> counters = new ArrayList<>();
        for (YamlNode node : metrics.mappings("counters")) {
            counters.add(counter(node));
        }
        List<Histogram> histograms = new ArrayList<>();
        for (YamlNode node : metrics.mappings("histograms")) {
            histograms.add(histogram(node));
        }
        checkUnique(root, counters, histograms);
        return new Config(name, new Metrics(counters, histograms), root.strings("kaddrs"));
    }

    private static Object read(String file, Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String at = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new ConfigException(file + at + ": invalid YAML: " + oneLine(e.getProblem()), e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": invalid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    private Counter counter(YamlNode node) {
        node = named(node, "counter");
        node.onlyKeys(COUNTER_FIELDS);
        Duration flush = null;
        String flushText = node.string("flush_interval", null);
        if (flushText != null) {
            try {
                flush = GoDuration.parse(flushText);
            } catch (IllegalArgumentException e) {
                throw node.fail("flush_interval", e.getMessage());
            }
        }
        return new Counter(node.string("name", ""), node.requiredString("help"), labels(node),
                node.bool("perf_event_array"), flush);
    }

    private Histogram histogram(YamlNode unnamed) {
        YamlNode node = named(unnamed, "histogram");
        node.onlyKeys(HISTOGRAM_FIELDS);
        String typeText = node.requiredString("bucket_type");
        BucketType type = BucketType.of(typeText).orElseThrow(() -> node.fail("bucket_type",
                "unknown bucket type \"" + typeText + "\" (known: exp2, exp2zero, fixed, linear)"));
        List<Double> keys = new ArrayList<>();
        for (String key : node.strings("bucket_keys")) {
            try {
                keys.add(Double.parseDouble(key));
            } catch (NumberFormatException e) {
                throw node.fail("bucket_keys", "not a number: " + key);
            }
        }
        List<Label> labels = labels(node);
        if (labels.isEmpty()) {
            throw node.fail("labels", "a histogram needs at least its bucket label");
        }
        return new Histogram(node.string("name", ""), node.requiredString("help"), labels, type,
                node.number("bucket_multiplier", 1), node.integer("bucket_min", 0), node.integer("bucket_max", 0), keys);
    }

    /** Re-positions a metric's complaints under its name, once the name is known. */
    private static YamlNode named(YamlNode node, String kind) {
        String name = node.requiredString("name");
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw node.fail("name", "\"" + name + "\" is not a valid Prometheus metric name");
        }
        return node.within(kind + " " + name, "");
    }

    private List<Label> labels(YamlNode metric) {
        List<Label> labels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<YamlNode> nodes = metric.mappings("labels");
        for (YamlNode node : nodes) {
            node.onlyKeys(LABEL_FIELDS);
            String name = node.requiredString("name");
            if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw node.fail("name", "\"" + name + "\" is not a valid Prometheus label name");
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
                throw node.fail("name", "unknown decoder \"" + name + "\" (known: " + String.join(", ", knownDecoders) + ")");
            }
            decoders.add(new DecoderSpec(name, node.stringMap("static_map"), node.bool("allow_unknown"),
                    node.strings("regexps")));
        }
        if (decoders.isEmpty()) {
            throw label.fail("decoders", "missing (at least one decoder is needed)");
        }
        return decoders;
    }

    private static void checkUnique(YamlNode root, List<Counter> counters, List<Histogram> histograms) {
        Set<String> names = new HashSet<>();
        List<String> all = new ArrayList<>(counters.stream().map(Counter::name).toList());
        all.addAll(histograms.stream().map(Histogram::name).toList());
        for (String name : all) {
            if (!names.add(name)) {
                throw root.fail("metrics", "metric \"" + name + "\" is defined twice");
            }
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
