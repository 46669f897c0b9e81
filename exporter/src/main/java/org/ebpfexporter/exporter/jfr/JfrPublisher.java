package org.ebpfexporter.exporter.jfr;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.Optional;
import org.ebpfexporter.exporter.collector.MetricNames;
import org.ebpfexporter.jfr.JfrBridge;

/**
 * Wires a {@link JfrBridge} to the registry that {@code /metrics} serves: every
 * {@code ebpf_exporter_*} family, configured or built-in, becomes the event type
 * {@code ebpf_exporter.<config>.<name>}, where {@code <name>} is the name on {@code /metrics}
 * without the {@code ebpf_exporter_} prefix and {@code <config>} the config defining the metric
 * ({@value JfrBridge#BUILT_IN_CONFIG} for built-ins). The bridge scrapes the registry, filtered to
 * those families, at most once per period, so the maps are read once per period whatever the
 * number of event types.
 */
public final class JfrPublisher {
    private JfrPublisher() {}

    /**
     * Creates the bridge, once the configs are attached and their collectors registered.
     *
     * @param registry      the registry {@code /metrics} serves
     * @param metricConfigs the config of each configured metric, by served name
     * @param settings      whether to publish, and the per-period cap
     * @return the bridge to close on stop, or empty when publishing is disabled
     */
    public static Optional<JfrBridge> start(PrometheusRegistry registry, Map<String, String> metricConfigs,
                                            JfrSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Map<String, String> configs = Map.copyOf(metricConfigs);
        return Optional.of(new JfrBridge(() -> registry.scrape(name -> name.startsWith(MetricNames.PREFIX)),
                family -> configOf(configs, family), MetricNames.PREFIX, settings.maxEventsPerPeriod()));
    }

    /** The config of a family as the bridge names it (counters with their {@code _total}). */
    static String configOf(Map<String, String> metricConfigs, String family) {
        return metricConfigs.getOrDefault(family, JfrBridge.BUILT_IN_CONFIG);
    }
}
