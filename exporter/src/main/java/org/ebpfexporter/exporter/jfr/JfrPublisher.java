package org.ebpfexporter.exporter.jfr;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;
import java.util.function.Function;
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
     * @param configOf the config defining a metric, by served name; empty for built-ins
     * @param settings whether to publish, and the per-period cap
     * @return the bridge to close on stop, or empty when publishing is disabled
     */
    public static Optional<JfrBridge> start(PrometheusRegistry registry, Function<String, Optional<String>> configOf,
                                            JfrSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new JfrBridge(() -> registry.scrape(name -> name.startsWith(MetricNames.PREFIX)),
                family -> configOf.apply(family).orElse(JfrBridge.BUILT_IN_CONFIG), MetricNames.PREFIX,
                settings.maxEventsPerPeriod()));
    }
}
