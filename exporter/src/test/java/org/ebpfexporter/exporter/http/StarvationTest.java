package org.ebpfexporter.exporter.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that held the JDK's HttpServer (4 threads) for tens of seconds: a concurrent scrape must
 * answer, with the right body, well within a generous bound (it takes milliseconds alone), and the
 * server must close what misbehaves within its limits.
 */
class StarvationTest {
    /** Generous: a scrape of the body alone takes milliseconds here; the JDK's server took 37–57 s. */
    private static final Duration SCRAPE_BOUND = Duration.ofSeconds(10);
    private static final Duration AWAIT = Duration.ofSeconds(30);

    private final FixedScrapes scrapes = FixedScrapes.ofSize(8_800_000);
    private MetricsServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void scrapeAnswersWhile200SlowLorisConnectionsAreOpen() throws Exception {
        start(ServerLimits.DEFAULTS);
        try (Crowd crowd = new Crowd().slowLoris(server.port(), 200)) {
            assertScrapeAnswers();
        }
    }

    @Test
    void scrapeAnswersWhile4SlowReadersOfTheBodyAreOpen() throws Exception {
        start(ServerLimits.DEFAULTS);
        try (Crowd crowd = new Crowd().slowReaders(server.port(), 4, "/metrics")) {
            await().atMost(AWAIT).until(() -> scrapes.scrapes.get() == 4);
            assertScrapeAnswers();
        }
    }

    @Test
    void scrapeAnswersWhileSlowLorisAndSlowReadersAreOpenTogether() throws Exception {
        start(ServerLimits.DEFAULTS);
        try (Crowd crowd = new Crowd().slowLoris(server.port(), 200).slowReaders(server.port(), 4, "/metrics")) {
            await().atMost(AWAIT).until(() -> scrapes.scrapes.get() == 4);
            assertScrapeAnswers();
        }
    }

    @Test
    void scrapeAnswersWhile2000IdleConnectionsAreOpen() throws Exception {
        start(ServerLimits.DEFAULTS);
        try (Crowd crowd = new Crowd().idle(server.port(), 2000)) {
            assertScrapeAnswers();
        }
    }

    @Test
    void slowLorisConnectionsAreClosedAtTheRequestTimeout() throws Exception {
        start(shortLimits());
        try (Crowd crowd = new Crowd().slowLoris(server.port(), 20)) {
            for (Socket socket : crowd.sockets) {
                await().atMost(AWAIT).until(() -> Clients.closedByServer(socket));
            }
        }
        assertEquals(0, scrapes.scrapes.get());
    }

    @Test
    void idleKeepAliveConnectionsAreClosedAtTheRequestTimeout() throws Exception {
        start(shortLimits());
        try (Socket socket = Clients.connect(server.port())) {
            Clients.write(socket, "HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
            socket.setSoTimeout(30_000);
            String head = new String(socket.getInputStream().readNBytes(12));
            assertEquals("HTTP/1.1 200", head);
            assertFalse(Clients.closedByServer(socket), "closed right after the response");
            await().atMost(AWAIT).until(() -> Clients.closedByServer(socket));
        }
    }

    @Test
    void slowReadersAreCutAtTheResponseTimeoutAndTheBodyReleased() throws Exception {
        start(shortLimits());
        try (Crowd crowd = new Crowd().slowReaders(server.port(), 4, "/metrics")) {
            await().atMost(AWAIT).until(() -> scrapes.releases.get() == 4);
            for (Socket socket : crowd.sockets) {
                await().atMost(AWAIT).until(() -> Clients.closedByServer(socket));
            }
        }
    }

    @Test
    void atTheConnectionLimitIdleConnectionsAreClosedSoonAndNewOnesServed() throws Exception {
        start(new ServerLimits(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5), 8192, 8,
                Duration.ofSeconds(1)));
        try (Crowd crowd = new Crowd().idle(server.port(), 8)) {
            for (Socket socket : crowd.sockets) {
                await().atMost(AWAIT).until(() -> Clients.closedByServer(socket));
            }
            assertScrapeAnswers();
        }
    }

    private void start(ServerLimits limits) throws IOException {
        server = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics")
                .withLimits(limits), scrapes, null);
    }

    /** Two seconds to send a request or to write a response. */
    private static ServerLimits shortLimits() {
        return new ServerLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(5), 8192, 1024,
                Duration.ofSeconds(1));
    }

    private void assertScrapeAnswers() throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = Clients.get(server.port(), "/metrics", SCRAPE_BOUND);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(200, response.statusCode());
        assertEquals(scrapes.text(), response.body());
        assertTrue(took.compareTo(SCRAPE_BOUND) < 0, "scrape took " + took);
    }
}
