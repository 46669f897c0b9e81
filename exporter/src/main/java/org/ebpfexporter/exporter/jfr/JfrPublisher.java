package org.ebpfexporter.exporter.jfr;

import java.util.Optional;
import java.util.function.Function;
import org.ebpfexporter.exporter.collector.MetricNames;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.exposition.VerbatimCounterSnapshot;
import org.ebpfexporter.jfr.JfrBridge;

/**
 * Wires a {@link JfrBridge} to the collection that {@code /metrics} serves: every
 * {@code ebpf_exporter_*} family, configured or built-in, becomes the event type
 * {@code ebpf_exporter.<config>.<name>}, where {@code <name>} is the name on {@code /metrics}
 * without the {@code ebpf_exporter_} prefix and {@code <config>} the config defining the metric
 * ({@value JfrBridge#BUILT_IN_CONFIG} for built-ins), mapped to a name JFR accepts ({@code jvm-threads} gives
 * {@code jvm_threads}); the category and description show the config as its file is named. The bridge takes the
 * {@link SharedCollection#recent recent} collection, filtered to those families, once per period:
 * the maps are read at most once per period whatever the number of event types, and not at all
 * when a scrape or JMX collected within the max age. What fails on JFR's threads is counted in
 * {@code ebpf_exporter_publish_errors_total{sink="jfr"}} and logged at a bounded rate.
 */
public final class JfrPublisher {
    private JfrPublisher() {}

    /**
     * Creates the bridge, once the configs are attached and their collectors registered.
     *
     * @param collection the collection {@code /metrics} serves
     * @param configOf the config defining a metric, by served name; empty for built-ins
     * @param settings whether to publish, and the per-period cap
     * @param errors   where failures are counted
     * @return the bridge to close on stop, or empty when publishing is disabled
     */
    public static Optional<JfrBridge> start(SharedCollection collection, Function<String, Optional<String>> configOf,
                                            JfrSettings settings, PublishErrors errors) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new JfrBridge(() -> collection.recent(MetricNames::isServed),
                family -> configOf.apply(family).orElse(JfrBridge.BUILT_IN_CONFIG), MetricNames.PREFIX,
                settings.maxEventsPerPeriod(), VerbatimCounterSnapshot.servedNames(JfrBridge::expositionName),
                errors.handler(PublishErrors.JFR),
                // A configured metric's values are u64 map values; built-ins are counts or flags
                // (the one in seconds is a timespan anyway).
                family -> configOf.apply(family).isPresent() || !family.endsWith("_seconds")));
    }
}
