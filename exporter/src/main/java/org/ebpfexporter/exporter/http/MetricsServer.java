package org.ebpfexporter.exporter.http;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ebpfexporter.exporter.http.web.BasicAuth;
import org.ebpfexporter.exporter.http.web.WebConfig;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Serves metrics over HTTP (or HTTPS): the telemetry path, a landing page at {@code /}, and
 * optionally {@code /maps}. Jetty's core API on a few platform threads for the network, with
 * every request handled in its own virtual thread and every body written asynchronously, so that
 * neither slow senders nor slow readers hold the scrape path; {@link ServerLimits} bound the rest.
 * Every thread is a daemon: the endpoint never keeps a JVM alive.
 */
public final class MetricsServer implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(MetricsServer.class.getName());
    /** Jetty announces its version and every connector at INFO: noise in an exporter's log. */
    private static final Logger JETTY_LOGGER = Logger.getLogger(Server.class.getPackageName()
            .replaceFirst("\\.server$", ""));
    private static final int MAX_PLATFORM_THREADS = 8;
    private static final int MIN_PLATFORM_THREADS = 2;

    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService handlers;

    private MetricsServer(Server server, ServerConnector connector, ExecutorService handlers) {
        this.server = server;
        this.connector = connector;
        this.handlers = handlers;
    }

    /** Starts serving a registry in Go's text format on plain HTTP, without {@code /maps}. */
    public static MetricsServer start(ListenAddress address, String metricsPath, PrometheusRegistry registry)
            throws IOException {
        return start(Endpoint.plain(address, metricsPath), SnapshotScrapeSource.of(registry), null);
    }

    /**
     * Starts serving.
     *
     * @param endpoint where and how to serve
     * @param scrapes  what the telemetry path serves
     * @param maps     the page of {@code /maps}, or {@code null} for none
     * @throws IOException when the address cannot be bound or the TLS key material is unusable
     */
    public static MetricsServer start(Endpoint endpoint, ScrapeSource scrapes, MapsPage maps) throws IOException {
        if (JETTY_LOGGER.getLevel() == null) {
            JETTY_LOGGER.setLevel(Level.WARNING);
        }
        ServerLimits limits = endpoint.limits();
        QueuedThreadPool threads = new QueuedThreadPool(MAX_PLATFORM_THREADS, MIN_PLATFORM_THREADS);
        threads.setName("ebpf-exporter-http");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("ebpf-exporter-http-request-", 0).factory());
        threads.setVirtualThreadsExecutor(handlers);
        Server server = new Server(threads, new ScheduledExecutorScheduler("ebpf-exporter-http-timer", true), null);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        RequestDeadlines deadlines = new RequestDeadlines(http, limits.requestTimeout());
        WebConfig web = endpoint.web();
        ConnectionFactory[] factories;
        try {
            factories = web.tls() == null ? new ConnectionFactory[] {deadlines} : new ConnectionFactory[] {
                    new SslConnectionFactory(TlsSetup.factory(web.tls()), deadlines.getProtocol()), deadlines};
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS setup failed: " + e.getMessage(), e);
        }
        ServerConnector connector = new ServerConnector(server, 1, 1, factories);
        connector.setHost(endpoint.address().host());
        connector.setPort(endpoint.address().port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        // Connections wait here while the limit is reached, rather than being refused.
        connector.setAcceptQueueSize(limits.maxConnections());
        server.addConnector(connector);
        connector.addBean(new LimitedConnections(limits.maxConnections(), limits.limitIdleTimeout().toMillis(),
                connector));

        Map<String, Page> pages = new HashMap<>();
        pages.put("/", new LandingPage(endpoint.metricsPath()));
        pages.put(endpoint.metricsPath(), new MetricsHandler(scrapes));
        if (maps != null) {
            pages.put(MapsPage.PATH, maps);
        }
        BasicAuth auth = web.basicAuthUsers().isEmpty() ? null : new BasicAuth(web.basicAuthUsers());
        server.setHandler(deadlines.timing(new Routes(pages, web.headers(), auth, limits.responseTimeout())));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            handlers.shutdownNow();
            throw new IOException("cannot listen on " + (endpoint.address().host() == null ? ""
                    : endpoint.address().host()) + ":" + endpoint.address().port() + ": " + e.getMessage(), e);
        }
        logger.log(System.Logger.Level.INFO, "serving metrics on port {0,number,#} at {1} over {2}{3}",
                connector.getLocalPort(), endpoint.metricsPath(), web.tls() == null ? "HTTP" : "HTTPS",
                auth == null ? "" : " with basic authentication");
        return new MetricsServer(server, connector, handlers);
    }

    /** The port listened on (the chosen one when started on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops serving: closes the listening socket and every connection. */
    @Override
    public void close() {
        stopQuietly(server);
        handlers.shutdownNow();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            logger.log(System.Logger.Level.WARNING, "stopping the HTTP server failed", e);
        }
    }
}
