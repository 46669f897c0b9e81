package org.ebpfexporter.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.ebpfexporter.exporter.exposition.VerbatimCounterSnapshot;
import org.junit.jupiter.api.Test;

/** A real server on port 0: the format served whatever Accept says, gzip, the opt-in negotiation, 404s. */
class MetricsServerTest {
    private static final String OPENMETRICS_FIRST =
            "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1";
    private static final Supplier<MetricSnapshots> METRICS = () -> MetricSnapshots.of(new VerbatimCounterSnapshot(
            "ebpf_exporter_oom_kills", "OOM kills", List.of(CounterDataPointSnapshot.builder()
                    .labels(Labels.of("cgroup", "/a")).value(3).build())));
    private static final String GO_TEXT = """
            # HELP ebpf_exporter_oom_kills OOM kills
            # TYPE ebpf_exporter_oom_kills counter
            ebpf_exporter_oom_kills{cgroup="/a"} 3
            """;

    @Test
    void servesGoTextWhateverTheScraperAsksFor() throws Exception {
        try (MetricsServer server = start(Exposition.TEXT)) {
            HttpResponse<byte[]> response = get(server, "/metrics", OPENMETRICS_FIRST, null);
            assertEquals(200, response.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8",
                    response.headers().firstValue("Content-Type").orElseThrow());
            assertFalse(response.headers().firstValue("Content-Encoding").isPresent());
            assertEquals(GO_TEXT, new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void gzipsWhenAsked() throws Exception {
        try (MetricsServer server = start(Exposition.TEXT)) {
            HttpResponse<byte[]> response = get(server, "/metrics", null, "gzip, deflate");
            assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElseThrow());
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
                assertEquals(GO_TEXT, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void negotiatedUsesClientJavaWriters() throws Exception {
        try (MetricsServer server = start(Exposition.NEGOTIATED)) {
            HttpResponse<byte[]> response = get(server, "/metrics", OPENMETRICS_FIRST, null);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow()
                    .startsWith("application/openmetrics-text"));
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("ebpf_exporter_oom_kills_total{cgroup=\"/a\"} 3.0\n"), body);
            assertTrue(body.endsWith("# EOF\n"), body);
        }
    }

    @Test
    void otherPathsAre404AndTheLandingPageLinksToMetrics() throws Exception {
        try (MetricsServer server = start(Exposition.TEXT)) {
            assertEquals(404, get(server, "/metricsx", null, null).statusCode());
            assertEquals(404, get(server, "/maps", null, null).statusCode());
            String page = new String(get(server, "/", null, null).body(), StandardCharsets.UTF_8);
            assertTrue(page.contains("<a href=\"/metrics\">"), page);
        }
    }

    @Test
    void gzipDetection() {
        assertTrue(MetricsHandler.acceptsGzip(List.of("gzip")));
        assertTrue(MetricsHandler.acceptsGzip(List.of("deflate, GZIP;q=0.5")));
        assertFalse(MetricsHandler.acceptsGzip(List.of("gzip;q=0")));
        assertFalse(MetricsHandler.acceptsGzip(List.of("identity")));
        assertFalse(MetricsHandler.acceptsGzip(null));
    }

    private static MetricsServer start(Exposition exposition) throws IOException {
        return MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics"),
                new SnapshotScrapeSource(METRICS, exposition), null);
    }

    private static HttpResponse<byte[]> get(MetricsServer server, String path, String accept, String encoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
