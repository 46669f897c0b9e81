package org.ebpfexporter.exporter.jmx;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;
import java.util.function.Function;
import javax.management.MBeanServer;
import org.ebpfexporter.exporter.ExporterException;
import org.ebpfexporter.exporter.collector.MetricNames;
import org.ebpfexporter.jmx.JmxBridge;

/**
 * Every metric the exporter serves under {@code ebpf_exporter_} as an MBean
 * {@code ebpf_exporter:type=<Type>,config=<config>,name=<name>}, where {@code name} is the name on
 * {@code /metrics} without the prefix and {@code config} the config defining the metric, or
 * {@value #BUILT_IN_CONFIG} for the exporter's built-in metrics.
 *
 * <p>Values come from the registry that serves {@code /metrics}, filtered to the exporter's own
 * families (the JVM's metrics are in the platform MXBeans already), through the bridge's one
 * second cache: browsing every MBean costs one collection.
 */
public final class ExporterMBeans implements AutoCloseable {
    /** The {@code config} key of metrics no config defines, such as the decoder error counter. */
    public static final String BUILT_IN_CONFIG = "exporter";

    private static final System.Logger logger = System.getLogger(ExporterMBeans.class.getName());

    private final JmxBridge bridge;

    private ExporterMBeans(JmxBridge bridge) {
        this.bridge = bridge;
    }

    /**
     * Registers an MBean for every {@code ebpf_exporter_*} family the registry has now.
     *
     * @param server   where to register, normally the platform MBean server
     * @param registry the registry serving {@code /metrics}
     * @param configOf the config defining a metric named as on {@code /metrics}; empty for a built-in
     * @return the registered MBeans, to close when the exporter stops
     * @throws ExporterException when an MBean of that name exists already (another exporter in this
     *                           JVM); none of these MBeans is then left registered
     */
    public static ExporterMBeans register(MBeanServer server, PrometheusRegistry registry,
                                          Function<String, Optional<String>> configOf) {
        JmxBridge bridge = JmxBridge.builder(server, () -> registry.scrape(name -> name.startsWith(MetricNames.PREFIX)))
                .domain(JmxBridge.DEFAULT_DOMAIN)
                .prefix(MetricNames.PREFIX)
                .configOf(metric -> configOf.apply(metric).orElse(BUILT_IN_CONFIG))
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
