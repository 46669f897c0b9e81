package org.ebpfexporter.exporter.http;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/** Serves a registry over HTTP (text, OpenMetrics and protobuf, as the scraper asks) with a landing page. */
public final class MetricsServer implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(MetricsServer.class.getName());

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts serving.
     *
     * @param address     where to listen
     * @param metricsPath the telemetry path, such as {@code /metrics}
     * @param registry    what to serve
     * @throws IOException when the address cannot be bound
     */
    public static MetricsServer start(ListenAddress address, String metricsPath, PrometheusRegistry registry)
            throws IOException {
        if (!metricsPath.startsWith("/") || metricsPath.equals("/")) {
            throw new IllegalArgumentException("telemetry path \"" + metricsPath + "\" must start with / and not be /");
        }
        HTTPServer.Builder builder = HTTPServer.builder()
                .port(address.port())
                .registry(registry)
                .metricsHandlerPath(metricsPath)
                .defaultHandler(new LandingPage(metricsPath));
        if (address.host() != null) {
            builder.hostname(address.host());
        }
        HTTPServer server;
        try {
            server = builder.buildAndStart();
        } catch (IOException e) {
            throw new IOException("cannot listen on " + (address.host() == null ? "" : address.host()) + ":"
                    + address.port() + ": " + e.getMessage(), e);
        }
        logger.log(System.Logger.Level.INFO, "serving metrics on port {0,number,#} at {1}", server.getPort(), metricsPath);
        return new MetricsServer(server);
    }

    /** The port listened on (the chosen one when started on port 0). */
    public int port() {
        return server.getPort();
    }

    /** Stops serving. */
    @Override
    public void close() {
        server.close();
    }
}
