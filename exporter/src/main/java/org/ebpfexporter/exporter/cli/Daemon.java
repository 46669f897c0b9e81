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
import org.ebpfexporter.exporter.Resources;
import org.ebpfexporter.exporter.collector.BuiltinMetrics;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.config.ConfigSource;
import org.ebpfexporter.exporter.http.Endpoint;
import org.ebpfexporter.exporter.http.MapsPage;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.http.ServerLimits;
import org.ebpfexporter.exporter.http.SnapshotScrapeSource;
import org.ebpfexporter.exporter.jfr.JfrPublisher;
import org.ebpfexporter.exporter.jmx.ExporterMBeans;
import org.ebpfexporter.exporter.jmx.JmxRemote;

/**
 * A running exporter: configs loaded and attached, their metrics and the JVM's registered, served
 * over HTTP, published as MBeans in the platform MBean server (remotely too with
 * {@code --jmx.listen-address}) and as JFR events. Closing undoes it all in reverse order.
 */
final class Daemon implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(Daemon.class.getName());

    private final Resources resources;
    private boolean closed;

    private Daemon(Resources resources) {
        this.resources = resources;
    }

    /** Starts everything, as {@link #start(Path, List, ExporterOptions, Publishing, Runnable)} without a callback. */
    static Daemon start(Path configDir, List<String> names, ExporterOptions options, Publishing publishing)
            throws IOException {
        return start(configDir, names, options, publishing, () -> { });
    }

    /**
     * Starts everything; on failure closes what was started.
     *
     * @param configDir  where the configs are
     * @param names      config names; empty to run the embedded defaults
     * @param options    how configs are loaded and attached
     * @param publishing where the metrics go
     * @param attached   called once every config is loaded and attached, before publishing starts
     */
    static Daemon start(Path configDir, List<String> names, ExporterOptions options, Publishing publishing,
                        Runnable attached) throws IOException {
        Resources resources = new Resources();
        try {
            DefaultConfigs defaults = names.isEmpty() ? DefaultConfigs.embedded() : null;
            ConfigSource source = defaults != null ? defaults : ConfigSource.directory(configDir);
            List<String> configs = defaults != null ? defaults.names() : names;
            PrometheusRegistry registry = new PrometheusRegistry();
            DecoderErrors errors = new DecoderErrors().register(registry);
            PublishErrors publishErrors = new PublishErrors().register(registry);
            Exporter exporter = Exporter.start(source, configs, errors, options);
            resources.add(exporter);
            attached.run();
            registry.register(exporter.collector());
            registry.register(new BuiltinMetrics(exporter.configNames(), exporter.programs(), errors));
            JvmMetrics.builder().register(registry);
            SharedCollection collection = new SharedCollection(registry::scrape);
            MapsPage maps = publishing.debug() ? new MapsPage(exporter.collector()::dumpMaps) : null;
            resources.add(MetricsServer.start(new Endpoint(publishing.address(), publishing.metricsPath(),
                    publishing.web(), ServerLimits.DEFAULTS),
                    new SnapshotScrapeSource(collection::fresh, publishing.exposition()), maps));
            resources.add(ExporterMBeans.register(ManagementFactory.getPlatformMBeanServer(), collection,
                    exporter::configOf, publishErrors));
            if (publishing.jmx().remote()) {
                resources.add(JmxRemote.start(publishing.jmx(), ManagementFactory.getPlatformMBeanServer()));
            }
            JfrPublisher.start(collection, exporter::configOf, publishing.jfr(), publishErrors).ifPresent(resources::add);
            logger.log(System.Logger.Level.INFO, "running configs {0}", configs);
            return new Daemon(resources);
        } catch (IOException | RuntimeException e) {
            resources.close();
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
    static List<String> check(Path configDir, List<String> names, ExporterOptions options) {
        DefaultConfigs defaults = names.isEmpty() ? DefaultConfigs.embedded() : null;
        ConfigSource source = defaults != null ? defaults : ConfigSource.directory(configDir);
        List<String> configs = defaults != null ? defaults.names() : names;
        Exporter.start(source, configs, new DecoderErrors(), options).close();
        return configs;
    }

    /** Stops publishing, then detaches and unloads every program. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        resources.close();
        logger.log(System.Logger.Level.INFO, "stopped: every program detached");
    }
}
