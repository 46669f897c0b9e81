package org.ebpfexporter.benchmark;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The exporter's former HTTP server, as it was configured: the JDK's {@code HttpServer} with a
 * fixed pool of 4 handler threads, each scrape's body written with a known length.
 */
final class JdkHttpServerBaseline implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    JdkHttpServerBaseline(byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory());
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
