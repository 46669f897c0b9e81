package org.ebpfexporter.exporter.jmx;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javax.management.MBeanServer;
import org.ebpfexporter.exporter.ExporterException;
import org.ebpfexporter.exporter.collector.MetricNames;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.exposition.GoFloat;
import org.ebpfexporter.exporter.exposition.VerbatimCounterSnapshot;
import org.ebpfexporter.jmx.JmxBridge;

/**
 * Every metric the exporter serves under {@code ebpf_exporter_} as an MBean
 * {@code org.ebpfexporter:config=<config>,name=<name>}, and each of its series as
 * {@code org.ebpfexporter:config=<config>,name=<name>,<label>=<value>,...}, where {@code name} is
 * the name on {@code /metrics} without the prefix and {@code config} the config defining the metric
 * as its file is named ({@code jvm-threads}), or {@value #BUILT_IN_CONFIG} for the exporter's
 * built-in metrics. Bucket bounds are spelled as on {@code /metrics}; values are {@code Long}
 * except for the built-in metrics in seconds and histogram sums. The bridge's background thread
 * registers the MBeans of new series every 10 seconds.
 *
 * <p>Values come from the exporter's {@link SharedCollection#recent recent} collection, filtered to
 * its own families (the JVM's metrics are in the platform MXBeans already): browsing every MBean
 * costs at most one collection, none when a scrape or JFR collected within the max age. A
 * collection that fails while a client reads is counted in
 * {@code ebpf_exporter_publish_errors_total{sink="jmx"}} and logged at a bounded rate.
 */
public final class ExporterMBeans implements AutoCloseable {
    /** The {@code config} key of metrics no config defines, such as the decoder error counter. */
    public static final String BUILT_IN_CONFIG = "exporter";

    private static final String SECONDS = "_seconds";

    private static final System.Logger logger = System.getLogger(ExporterMBeans.class.getName());

    private final JmxBridge bridge;

    private ExporterMBeans(JmxBridge bridge) {
        this.bridge = bridge;
    }

    /**
     * Registers an MBean for every {@code ebpf_exporter_*} family the registry has now.
     *
     * @param server   where to register, normally the platform MBean server
     * @param collection the collection serving {@code /metrics}
     * @param configOf the config defining a metric named as on {@code /metrics}; empty for a built-in
     * @param errors   where failed collections are counted
     * @return the registered MBeans, to close when the exporter stops
     * @throws ExporterException when an MBean of that name exists already (another exporter in this
     *                           JVM); none of these MBeans is then left registered
     */
    public static ExporterMBeans register(MBeanServer server, SharedCollection collection,
                                          Function<String, Optional<String>> configOf, PublishErrors errors) {
        JmxBridge bridge = JmxBridge.builder(server, () -> collection.recent(MetricNames::isServed))
                .domain(JmxBridge.DEFAULT_DOMAIN)
                .prefix(MetricNames.PREFIX)
                .familyName(VerbatimCounterSnapshot.servedNames(JmxBridge::expositionName))
                .configOf(metric -> configOf.apply(metric).orElse(BUILT_IN_CONFIG))
                // A configured metric's values are u64 map values; built-ins are counts or flags,
                // except the program run time in seconds.
                .integral(metric -> configOf.apply(metric).isPresent() || !metric.endsWith(SECONDS))
                .boundText(GoFloat::format)
                // The collection's max age governs staleness; the bridge's own cache would add to it.
                .cacheTime(Duration.ZERO)
                .failures(errors.handler(PublishErrors.JMX))
                .build();
        try {
            bridge.refresh();
        } catch (IllegalStateException e) {
            bridge.close();
            throw new ExporterException("JMX: " + e.getMessage(), e);
        }
        logger.log(System.Logger.Level.INFO, "published {0} MBeans in JMX domain {1}",
                bridge.registeredNames().size(), JmxBridge.DEFAULT_DOMAIN);
        return new ExporterMBeans(bridge);
    }

    /** Unregisters every MBean registered here. Idempotent. */
    @Override
    public void close() {
        bridge.close();
    }
}
