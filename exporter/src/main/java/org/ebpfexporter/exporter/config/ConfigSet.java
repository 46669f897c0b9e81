package org.ebpfexporter.exporter.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every config of a run before anything is loaded into the kernel, and checks them against
 * each other: a config listed twice, or a metric defined by two configs, is refused.
 *
 * <p>Upstream registers one Prometheus collector for all configs. Its registry refuses a metric
 * whose label names or help differ between two configs ("has different label names or a
 * different help string") at start-up. Identical definitions pass registration, as the registry
 * folds equal descriptors of one collector, but every scrape then fails once both configs report
 * the same label values ("was collected before with the same name and label values"). A scrape
 * never fails here, so identical definitions are refused at start-up too.
 */
public final class ConfigSet {
    private ConfigSet() {}

    /**
     * Reads and validates {@code NAME.yaml} for each name, in order.
     *
     * @throws ConfigException for the first problem, one line naming file, metric and field
     */
    public static List<Config> load(ConfigLoader loader, ConfigSource source, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new ConfigException("--config.names: config \"" + name + "\" is listed twice");
            }
        }
        List<Config> configs = new ArrayList<>();
        for (String name : names) {
            configs.add(loader.load(source, name));
        }
        checkDistinctMetrics(source, configs);
        return configs;
    }

    /** Refuses a metric name that two configs define. */
    static void checkDistinctMetrics(ConfigSource source, List<Config> configs) {
        Map<String, Definition> byName = new HashMap<>();
        for (Config config : configs) {
            for (Definition definition : definitions(config)) {
                Definition earlier = byName.putIfAbsent(definition.metric(), definition);
                if (earlier != null) {
                    throw new ConfigException(source.describe(config.name() + ".yaml") + ": " + definition.kind() + " "
                            + definition.metric() + ": name: already defined by config " + earlier.config()
                            + earlier.difference(definition) + "; a metric must belong to one config");
                }
            }
        }
    }

    private static List<Definition> definitions(Config config) {
        List<Definition> definitions = new ArrayList<>();
        for (Counter counter : config.metrics().counters()) {
            definitions.add(new Definition(config.name(), "counter", counter.name(), counter.help(),
                    counter.labels().stream().map(Label::name).toList()));
        }
        for (Histogram histogram : config.metrics().histograms()) {
            List<String> labels = histogram.labels().stream().map(Label::name).toList();
            definitions.add(new Definition(config.name(), "histogram", histogram.name(), histogram.help(),
                    labels.subList(0, labels.size() - 1)));
        }
        return definitions;
    }

    /** A metric as the registry sees it: served labels exclude a histogram's bucket label. */
    private record Definition(String config, String kind, String metric, String help, List<String> labels) {
        String difference(Definition other) {
            if (!kind.equals(other.kind)) {
                return " as a " + kind;
            }
            if (!Set.copyOf(labels).equals(Set.copyOf(other.labels))) {
                return " with labels " + labels + ", here " + other.labels;
            }
            if (!help.equals(other.help)) {
                return " with help \"" + help + "\", here \"" + other.help + "\"";
            }
            return " identically (upstream's scrapes fail once both report the same label values)";
        }
    }
}
