package org.ebpfexporter.exporter.cli;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ebpfexporter.exporter.DefaultConfigs;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.JvmTarget;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.jfr.JfrPublisher;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.jfr.JfrBridge;

/** A running exporter: configs loaded, their metrics and the JVM's registered, the HTTP server up. */
final class Daemon implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(Daemon.class.getName());

    private final Exporter exporter;
    private final MetricsServer server;
    private final DefaultConfigs defaults;
    private final JfrBridge jfr;
    private boolean closed;

    private Daemon(Exporter exporter, MetricsServer server, DefaultConfigs defaults, JfrBridge jfr) {
        this.exporter = exporter;
        this.server = server;
        this.defaults = defaults;
        this.jfr = jfr;
    }

    /**
     * Starts everything; on failure closes what was started.
     *
     * @param configDir where the configs are, or {@code null} to run the embedded defaults
     * @param names     config names; empty to run the embedded defaults
     * @param jfr       whether and how to publish to JFR
     * @param jvm       the JVM whose HotSpot probes usdt programs attach to
     */
    static Daemon start(Path configDir, List<String> names, ListenAddress address, String metricsPath,
                        JfrSettings jfr, JvmTarget jvm) throws IOException {
        DefaultConfigs defaults = names.isEmpty() ? DefaultConfigs.extract() : null;
        Path dir = defaults != null ? defaults.directory() : configDir;
        List<String> configs = defaults != null ? defaults.names() : names;
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        Exporter exporter = null;
        JfrBridge bridge = null;
        try {
            exporter = Exporter.start(dir, configs, errors, jvm);
            registry.register(exporter.collector());
            JvmMetrics.builder().register(registry);
            bridge = JfrPublisher.start(registry, exporter.metricConfigs(), jfr).orElse(null);
            MetricsServer server = MetricsServer.start(address, metricsPath, registry);
            logger.log(System.Logger.Level.INFO, "running configs {0}", configs);
            return new Daemon(exporter, server, defaults, bridge);
        } catch (IOException | RuntimeException e) {
            if (bridge != null) {
                bridge.close();
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

    /** Stops serving, then detaches and unloads every program. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
            if (jfr != null) {
                jfr.close();
            }
        } finally {
            exporter.close();
            if (defaults != null) {
                defaults.close();
            }
        }
        logger.log(System.Logger.Level.INFO, "stopped: every program detached");
    }
}
