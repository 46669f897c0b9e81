package org.ebpfexporter.exporter.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Methods, HEAD, header size, collection failures and the release of every body, on a real server. */
class RequestHandlingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FixedScrapes scrapes = FixedScrapes.ofSize(100_000);
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        server = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics"), scrapes, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void methodsOtherThanGetAndHeadAre405WithAllow() throws Exception {
        for (String method : new String[] {"POST", "DELETE", "FOO", "PUT", "OPTIONS"}) {
            for (String path : new String[] {"/metrics", "/"}) {
                HttpResponse<String> response = Clients.send(server.port(), HttpRequest.newBuilder(
                        Clients.uri(server.port(), path)).method(method, HttpRequest.BodyPublishers.noBody()).build());
                assertEquals(405, response.statusCode(), method + " " + path);
                assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow(), method);
                assertEquals("Method Not Allowed\n", response.body());
            }
        }
        assertEquals(0, scrapes.scrapes.get(), "no method other than GET and HEAD may scrape");
    }

    @Test
    void headSendsTheHeadersOfGetWithoutBody() throws Exception {
        String head = Clients.rawHead(server.port(), "HEAD /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        assertTrue(head.contains("Content-Length: " + scrapes.length() + "\r\n"), head);
        assertTrue(head.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"), head);
        HttpResponse<String> response = Clients.send(server.port(), HttpRequest.newBuilder(
                Clients.uri(server.port(), "/metrics")).HEAD().build());
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        await().atMost(TIMEOUT).until(() -> scrapes.releases.get() == 2);
    }

    @Test
    void getSendsTheBodyWithItsLengthAndReleasesIt() throws Exception {
        HttpResponse<String> response = Clients.get(server.port(), "/metrics", TIMEOUT);
        assertEquals(200, response.statusCode());
        assertEquals(scrapes.length(), response.headers().firstValueAsLong("Content-Length").orElseThrow());
        assertEquals(scrapes.text(), response.body());
        await().atMost(TIMEOUT).until(() -> scrapes.releases.get() == 1);
    }

    @Test
    void oversizedHeaderIs431() throws Exception {
        HttpResponse<String> response = Clients.send(server.port(), HttpRequest.newBuilder(
                Clients.uri(server.port(), "/metrics")).header("X-Padding", "a".repeat(9000)).build());
        assertEquals(431, response.statusCode());
        assertEquals(0, scrapes.scrapes.get());
        assertEquals(200, Clients.get(server.port(), "/metrics", TIMEOUT).statusCode());
    }

    @Test
    void failedCollectionIs500AndTheServerGoesOn() throws Exception {
        scrapes.failWith(new IOException("map gone"));
        HttpResponse<String> failed = Clients.get(server.port(), "/metrics", TIMEOUT);
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("map gone"), failed.body());
        scrapes.failWith(null);
        assertEquals(scrapes.text(), Clients.get(server.port(), "/metrics", TIMEOUT).body());
    }

    @Test
    void aClientGoneMidBodyStillReleasesIt() throws Exception {
        try (Socket socket = Clients.connect(server.port())) {
            Clients.write(socket, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
            socket.getInputStream().readNBytes(1000);
            socket.setSoLinger(true, 0);
        }
        await().atMost(TIMEOUT).until(() -> scrapes.releases.get() == 1);
        assertEquals(1, scrapes.scrapes.get());
    }

    @Test
    void otherPathsAre404() throws Exception {
        assertEquals(404, Clients.get(server.port(), "/metrics/x", TIMEOUT).statusCode());
        assertEquals(404, Clients.get(server.port(), "/maps", TIMEOUT).statusCode());
    }
}
