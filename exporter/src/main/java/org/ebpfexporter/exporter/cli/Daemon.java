package org.ebpfexporter.exporter.cli;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.ebpfexporter.exporter.DefaultConfigs;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.collector.BuiltinMetrics;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.jmx.ExporterMBeans;
import org.ebpfexporter.exporter.jmx.JmxOptions;
import org.ebpfexporter.exporter.jmx.JmxRemote;

/**
 * A running exporter: configs loaded, their metrics and the JVM's registered, the HTTP server up,
 * the metrics published as MBeans in the platform MBean server (and served remotely with
 * {@code --jmx.listen-address}).
 */
final class Daemon implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(Daemon.class.getName());

    private final Exporter exporter;
    private final MetricsServer server;
    private final DefaultConfigs defaults;
    private final ExporterMBeans mbeans;
    private final JmxRemote jmxRemote;
    private boolean closed;

    private Daemon(Exporter exporter, MetricsServer server, DefaultConfigs defaults, ExporterMBeans mbeans,
                   JmxRemote jmxRemote) {
        this.exporter = exporter;
        this.server = server;
        this.defaults = defaults;
        this.mbeans = mbeans;
        this.jmxRemote = jmxRemote;
    }

    /**
     * Starts everything; on failure closes what was started.
     *
     * @param configDir where the configs are, or {@code null} to run the embedded defaults
     * @param names     config names; empty to run the embedded defaults
     * @param options   how configs are loaded
     * @param exposition the format served on the telemetry path
     * @param jmx       the {@code --jmx.*} flags
     */
    static Daemon start(Path configDir, List<String> names, ListenAddress address, String metricsPath,
                        ExporterOptions options, Exposition exposition, JmxOptions jmx) throws IOException {
        DefaultConfigs defaults = names.isEmpty() ? DefaultConfigs.extract() : null;
        Path dir = defaults != null ? defaults.directory() : configDir;
        List<String> configs = defaults != null ? defaults.names() : names;
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        Exporter exporter = null;
        MetricsServer server = null;
        ExporterMBeans mbeans = null;
        try {
            exporter = Exporter.start(dir, configs, errors, options);
            registry.register(exporter.collector());
            registry.register(new BuiltinMetrics(exporter.configNames(), exporter.programs()));
            JvmMetrics.builder().register(registry);
            server = MetricsServer.start(address, metricsPath, registry::scrape, exposition, null);
            mbeans = ExporterMBeans.register(ManagementFactory.getPlatformMBeanServer(), registry, exporter::configOf);
            JmxRemote jmxRemote = jmx.remote() ? JmxRemote.start(jmx, ManagementFactory.getPlatformMBeanServer()) : null;
            logger.log(System.Logger.Level.INFO, "running configs {0}", configs);
            return new Daemon(exporter, server, defaults, mbeans, jmxRemote);
        } catch (IOException | RuntimeException e) {
            if (mbeans != null) {
                mbeans.close();
            }
            if (server != null) {
                server.close();
            }
            if (exporter != null) {
                exporter.close();
            }
            if (defaults != null) {
                defaults.close();
            }
            throw e;
        }
    }

    /**
     * Loads and attaches the configs, then closes them again: {@code --config.check}.
     *
     * @param configDir where the configs are
     * @param names     config names; empty to check the embedded defaults
     * @return the configs checked
     */
    static List<String> check(Path configDir, List<String> names, ExporterOptions options) throws IOException {
        try (DefaultConfigs defaults = names.isEmpty() ? DefaultConfigs.extract() : null) {
            Path dir = defaults != null ? defaults.directory() : configDir;
            List<String> configs = defaults != null ? defaults.names() : names;
            Exporter.start(dir, configs, new DecoderErrors(), options).close();
            return configs;
        }
    }

    /** Stops serving HTTP and JMX, then detaches and unloads every program. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (jmxRemote != null) {
                jmxRemote.close();
            }
            mbeans.close();
            server.close();
        } finally {
            exporter.close();
            if (defaults != null) {
                defaults.close();
            }
        }
        logger.log(System.Logger.Level.INFO, "stopped: every program detached");
    }
}
