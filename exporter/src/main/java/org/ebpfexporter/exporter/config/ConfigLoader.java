package org.ebpfexporter.exporter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code NAME.yaml} files in upstream ebpf_exporter's format (YAML 1.1, as its Go parser
 * reads them) and validates what can be checked without the BPF object: required fields, names,
 * known decoders and their options, regexps, bucket ranges, and no unknown fields (upstream
 * ignores a misspelt key silently; here it fails with a "did you mean" hint). Key sizes against
 * maps are checked when the object is loaded.
 *
 * <p>A file must be a regular file of at most {@link InputFiles#YAML_MAX_BYTES}, within the
 * limits of {@link YamlDocument} (line length, aliases, nesting), so that a hostile file fails fast.
 *
 * <p>A file fails on its first problem, reported as one line naming file, metric, field and value:
 * fixing one line at a time is the usual loop, and a later complaint often follows from an
 * earlier one.
 */
public final class ConfigLoader {
    private static final Set<String> ROOT_FIELDS = Set.of("metrics", "kaddrs", "tracing", "cgroup_id_map");
    private static final Set<String> METRICS_FIELDS = Set.of("counters", "histograms");
    private static final Set<String> COUNTER_FIELDS = Set.of("name", "help", "labels", "perf_event_array",
            "flush_interval");
    private static final Set<String> HISTOGRAM_FIELDS = Set.of("name", "help", "labels", "bucket_type",
            "bucket_multiplier", "bucket_min", "bucket_max", "bucket_keys");
    private static final Set<String> TRACING_FIELDS = Set.of("spans");
    private static final Set<String> SPAN_FIELDS = Set.of("name", "ringbuf", "service", "labels");
    private static final Set<String> CGROUP_ID_MAP_FIELDS = Set.of("name", "type", "regexps");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final LabelReader labels;

    /** @param knownDecoders the decoder names a label may use */
    public ConfigLoader(Set<String> knownDecoders) {
        this.labels = new LabelReader(knownDecoders);
    }

    /**
     * Reads and validates {@code dir/NAME.yaml}.
     *
     * @throws ConfigException naming the file and the problem; also for a name that would leave {@code dir}
     */
    public Config load(Path dir, String name) {
        return load(ConfigSource.directory(dir), name);
    }

    /**
     * Reads and validates {@code NAME.yaml} of a source, a regular file of at most
     * {@link InputFiles#YAML_MAX_BYTES}.
     *
     * @throws ConfigException naming the file and the problem
     */
    public Config load(ConfigSource source, String name) {
        source.checkName(name);
        String file = name + ".yaml";
        return parse(name, source.describe(file), source.read(file, InputFiles.YAML_MAX_BYTES));
    }

    /**
     * Parses a config file's bytes: UTF-8 YAML within the limits of {@link YamlDocument}.
     *
     * @param file what messages call the file
     * @throws ConfigException one line naming the file and the problem; no other exception
     */
    public Config parse(String name, String file, byte[] yaml) {
        return parse(name, file, YamlDocument.compose(file, yaml));
    }

    /** Parses YAML text; {@code file} is only used in messages. */
    public Config parse(String name, String file, String yaml) {
        return parse(name, file, YamlDocument.compose(file, yaml));
    }

    private Config parse(String name, String file, Node document) {
        YamlNode root = YamlNode.root(document, file).onlyKeys(ROOT_FIELDS);
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
        return new Config(name, new Metrics(counters, histograms), root.strings("kaddrs"), tracing(root),
                cgroupIdMap(root));
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
        return new Counter(node.string("name", ""), node.requiredString("help"), labels.labels(node),
                node.bool("perf_event_array"), flush);
    }

    private Histogram histogram(YamlNode unnamed) {
        YamlNode node = named(unnamed, "histogram");
        node.onlyKeys(HISTOGRAM_FIELDS);
        String help = node.requiredString("help");
        String typeText = node.requiredString("bucket_type");
        BucketType type = BucketType.of(typeText).orElseThrow(() -> node.fail("bucket_type",
                "unknown bucket type \"" + typeText + "\" (known: " + Buckets.knownTypes() + ")"));
        List<Double> keys = new ArrayList<>();
        for (String key : node.strings("bucket_keys")) {
            try {
                keys.add(Double.parseDouble(key));
            } catch (NumberFormatException e) {
                throw node.fail("bucket_keys", "not a number: " + key);
            }
        }
        List<Label> histogramLabels = labels.labels(node);
        if (histogramLabels.isEmpty()) {
            throw node.fail("labels", "a histogram needs at least its bucket label");
        }
        Histogram histogram = new Histogram(node.string("name", ""), help, histogramLabels, type,
                node.number("bucket_multiplier", 1), node.integer("bucket_min", 0), node.integer("bucket_max", 0), keys);
        Buckets.check(node, histogram);
        return histogram;
    }

    /** Re-positions a metric's complaints under its name, once the name is known. */
    private static YamlNode named(YamlNode node, String kind) {
        String name = node.requiredString("name");
        if (!METRIC_NAME.matcher(name).matches()) {
            throw node.fail("name", "\"" + name + "\" is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
        return node.within(kind + " " + name, "");
    }

    private Tracing tracing(YamlNode root) {
        YamlNode tracing = root.child("tracing").onlyKeys(TRACING_FIELDS);
        List<Span> spans = new ArrayList<>();
        for (YamlNode node : tracing.mappings("spans")) {
            node.onlyKeys(SPAN_FIELDS);
            spans.add(new Span(node.string("name", ""), node.requiredString("ringbuf"), node.string("service", ""),
                    labels.labels(node)));
        }
        return new Tracing(spans);
    }

    private static Optional<CgroupIdMap> cgroupIdMap(YamlNode root) {
        if (!root.has("cgroup_id_map")) {
            return Optional.empty();
        }
        YamlNode node = root.child("cgroup_id_map").onlyKeys(CGROUP_ID_MAP_FIELDS);
        List<String> regexps = node.strings("regexps");
        LabelReader.compileAll(node, "regexps", regexps);
        return Optional.of(new CgroupIdMap(node.requiredString("name"), node.string("type", ""), regexps));
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
}
