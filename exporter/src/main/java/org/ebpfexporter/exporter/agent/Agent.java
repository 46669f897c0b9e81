package org.ebpfexporter.exporter.agent;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.ebpfexporter.exporter.DefaultConfigs;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.JvmTarget;
import org.ebpfexporter.exporter.Resources;
import org.ebpfexporter.exporter.collector.BuiltinMetrics;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.config.ConfigSource;
import org.ebpfexporter.exporter.http.Endpoint;
import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.http.SnapshotScrapeSource;
import org.ebpfexporter.exporter.http.web.WebConfigLoader;
import org.ebpfexporter.exporter.jfr.JfrPublisher;
import org.ebpfexporter.exporter.jmx.ExporterMBeans;

/**
 * The exporter running inside the application's JVM: loads the configs with HotSpot's probes
 * attached in this very process, and publishes to this JVM's flight recorder and platform MBean server and, when
 * {@code web.listen-address} is given, over HTTP. It never harms the application: any failure to
 * start (no libbpf, no privileges, no BTF, a bad option) is one warning, and the agent stays off.
 * It runs until the JVM exits; the kernel detaches its programs then.
 */
public final class Agent {
    private static final System.Logger logger = System.getLogger(Agent.class.getName());
    private static final AtomicReference<Agent> RUNNING = new AtomicReference<>();

    private final Resources resources;
    private final PrometheusRegistry registry;

    private Agent(Resources resources, PrometheusRegistry registry) {
        this.resources = resources;
        this.registry = registry;
    }

    /**
     * Starts the agent, called by {@code AgentLauncher} from {@code premain} or {@code agentmain}.
     * Never throws.
     *
     * @param options the agent's argument string (see {@link AgentOptions})
     */
    public static void start(String options) {
        if (RUNNING.get() != null) {
            logger.log(System.Logger.Level.WARNING, "ebpf-exporter agent is already running in this JVM");
            return;
        }
        try {
            Agent agent = launch(AgentOptions.parse(options));
            if (!RUNNING.compareAndSet(null, agent)) {
                agent.close();
            }
        } catch (RuntimeException | IOException | LinkageError e) {
            logger.log(System.Logger.Level.WARNING, "ebpf-exporter agent disabled, the application runs without it: "
                    + oneLine(e));
        }
    }

    /** The running agent's registry (what {@code /metrics} and JFR publish), or null when not running. */
    public static PrometheusRegistry registry() {
        Agent agent = RUNNING.get();
        return agent == null ? null : agent.registry;
    }

    private static Agent launch(AgentOptions options) throws IOException {
        DefaultConfigs defaults = options.configNames().isEmpty() ? DefaultConfigs.embedded(DefaultConfigs.AGENT_ROOT)
                : null;
        ConfigSource source = defaults != null ? defaults : ConfigSource.directory(options.configDir());
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        PublishErrors publishErrors = new PublishErrors().register(registry);
        Resources resources = new Resources();
        try {
            Exporter exporter = resources.add(Exporter.start(source,
                    defaults != null ? defaults.names() : options.configNames(), errors,
                    ExporterOptions.DEFAULTS.withJvm(JvmTarget.self())));
            registry.register(exporter.collector());
            registry.register(new BuiltinMetrics(exporter.configNames(), exporter.programs(), errors));
            SharedCollection collection = new SharedCollection(registry::scrape);
            resources.add(ExporterMBeans.register(ManagementFactory.getPlatformMBeanServer(), collection,
                    exporter::configOf, publishErrors));
            JfrPublisher.start(collection, exporter::configOf, options.jfr(), publishErrors).ifPresent(resources::add);
            if (options.listenAddress() != null) {
                // Its threads are daemons: the endpoint never keeps the application's JVM alive.
                Endpoint endpoint = Endpoint.plain(ListenAddress.parse(options.listenAddress()), options.telemetryPath());
                if (options.webConfigFile() != null) {
                    endpoint = endpoint.withWeb(WebConfigLoader.load(options.webConfigFile()));
                }
                resources.add(MetricsServer.start(endpoint, new SnapshotScrapeSource(collection::fresh, Exposition.TEXT),
                        null));
            }
            logger.log(System.Logger.Level.INFO, "ebpf-exporter agent running configs {0}", exporter.configNames());
            return new Agent(resources, registry);
        } catch (IOException | RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private void close() {
        resources.close();
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
