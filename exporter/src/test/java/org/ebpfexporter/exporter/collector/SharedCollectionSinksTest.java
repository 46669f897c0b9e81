package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordingStream;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.http.Endpoint;
import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.http.SnapshotScrapeSource;
import org.ebpfexporter.exporter.jfr.JfrPublisher;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.exporter.jmx.ExporterMBeans;
import org.ebpfexporter.jfr.JfrBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP, JMX and JFR wired to one {@link SharedCollection}, as the daemon and the agent wire them,
 * with a clock that stands still: everything after a collection happens within the max age.
 */
class SharedCollectionSinksTest {
    private static final String EVENT = "ebpf_exporter.exporter.fake_total";
    private static final int ATTRIBUTE_READS = 10;

    private final AtomicInteger collections = new AtomicInteger();
    private final SharedCollection collection;
    private MetricsServer server;

    SharedCollectionSinksTest() {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new CountingCollector(collections));
        collection = new SharedCollection(registry::scrape, Duration.ofSeconds(1), () -> 0L);
    }

    @BeforeEach
    void serve() throws Exception {
        server = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics"),
                new SnapshotScrapeSource(collection::fresh, Exposition.TEXT), null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void jmxAndJfrReuseTheCollectionOfAScrape() throws Exception {
        assertTrue(scrape().contains("ebpf_exporter_fake_total 1\n"));
        MBeanServer mbeans = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("org.ebpfexporter:config=exporter,name=fake_total");
        try (ExporterMBeans registered = ExporterMBeans.register(mbeans, collection, metric -> Optional.empty(),
                new PublishErrors());
             JfrBridge bridge = JfrPublisher.start(collection, metric -> Optional.empty(), JfrSettings.DEFAULT,
                     new PublishErrors())
                     .orElseThrow()) {
            for (int i = 0; i < ATTRIBUTE_READS; i++) {
                assertEquals(1L, mbeans.getAttribute(name, "Total"));
            }
            assertEquals(List.of(EVENT), bridge.eventTypeNames());
            assertEquals(1.0, oneJfrPeriod());
        }
        assertEquals(1, collections.get());
    }

    @Test
    void everyScrapeCollectsAfresh() throws Exception {
        assertTrue(scrape().contains("ebpf_exporter_fake_total 1\n"));
        assertTrue(scrape().contains("ebpf_exporter_fake_total 2\n"));
        assertEquals(2, collections.get());
        // The latest scrape is what JMX then reads.
        assertEquals(2.0, collection.recent(MetricNames::isServed).stream()
                .map(s -> ((CounterSnapshot) s).getDataPoints().getFirst().getValue()).findFirst().orElseThrow());
        assertEquals(2, collections.get());
    }

    private String scrape() throws Exception {
        return E2eFiles.get(server.port(), "/metrics");
    }

    /** The value of the first event JFR emits from the bridge's periodic hook. */
    private static double oneJfrPeriod() throws Exception {
        CompletableFuture<Double> value = new CompletableFuture<>();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable(EVENT).withPeriod(Duration.ofMillis(100));
            stream.onEvent(EVENT, event -> value.complete(event.getDouble("value")));
            stream.startAsync();
            return value.get(10, TimeUnit.SECONDS);
        }
    }

    /** One counter whose value is the number of times it was collected. */
    private record CountingCollector(AtomicInteger collections) implements MultiCollector {
        @Override
        public MetricSnapshots collect() {
            int n = collections.incrementAndGet();
            return MetricSnapshots.of(CounterSnapshot.builder().name("ebpf_exporter_fake").help("collections")
                    .dataPoint(CounterDataPointSnapshot.builder().value(n).build()).build());
        }
    }
}
