package org.ebpfexporter.exporter.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.ebpfexporter.exporter.collector.SharedCollection;

/**
 * Serves metrics over HTTP: the telemetry path, a landing page at {@code /}, and optionally
 * {@code /maps}. Every scrape asks {@code collect} for a collection: pass {@link SharedCollection#fresh()}
 * so that scrapes arriving while a collection runs share it.
 */
public final class MetricsServer implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(MetricsServer.class.getName());
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving a registry in Go's text format, without {@code /maps}, through its own {@link SharedCollection}. */
    public static MetricsServer start(ListenAddress address, String metricsPath, PrometheusRegistry registry)
            throws IOException {
        return start(address, metricsPath, new SharedCollection(registry::scrape)::fresh, Exposition.TEXT, null);
    }

    /**
     * Starts serving.
     *
     * @param address     where to listen
     * @param metricsPath the telemetry path, such as {@code /metrics}
     * @param collect     collects every metric, once per scrape
     * @param exposition  the format served
     * @param maps        the handler of {@code /maps}, or {@code null} for none
     * @throws IOException when the address cannot be bound
     */
    public static MetricsServer start(ListenAddress address, String metricsPath, Supplier<MetricSnapshots> collect,
                                      Exposition exposition, HttpHandler maps) throws IOException {
        if (!metricsPath.startsWith("/") || metricsPath.equals("/")) {
            throw new IllegalArgumentException("telemetry path \"" + metricsPath + "\" must start with / and not be /");
        }
        InetSocketAddress socket = address.host() == null ? new InetSocketAddress(address.port())
                : new InetSocketAddress(address.host(), address.port());
        HttpServer server;
        try {
            server = HttpServer.create(socket, 0);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + (address.host() == null ? "" : address.host()) + ":"
                    + address.port() + ": " + e.getMessage(), e);
        }
        server.createContext("/", new LandingPage(metricsPath));
        server.createContext(metricsPath, new MetricsHandler(metricsPath, collect, exposition));
        if (maps != null) {
            server.createContext("/maps", maps);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().daemon()
                .name("ebpf-exporter-http-", 0).factory());
        server.setExecutor(executor);
        server.start();
        logger.log(System.Logger.Level.INFO, "serving metrics on port {0,number,#} at {1} in {2} format",
                server.getAddress().getPort(), metricsPath, exposition);
        return new MetricsServer(server, executor);
    }

    /** The port listened on (the chosen one when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
