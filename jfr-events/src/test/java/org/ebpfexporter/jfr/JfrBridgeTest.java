package org.ebpfexporter.jfr;

import static org.ebpfexporter.jfr.JfrRecordings.ofType;
import static org.ebpfexporter.jfr.JfrRecordings.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrBridgeTest {
    @TempDir
    Path dir;

    private PrometheusRegistry registry;
    private JfrBridge bridge;

    @BeforeEach
    void setUp() {
        registry = new PrometheusRegistry();
    }

    @AfterEach
    void tearDown() {
        if (bridge != null) {
            bridge.close();
        }
    }

    private JfrBridge bridge(int cap) {
        bridge = new JfrBridge(registry::scrape, family -> family.startsWith("ebpf_exporter_build") ? "exporter" : "test",
                JfrBridge.DEFAULT_PREFIX, cap);
        return bridge;
    }

    @Test
    void countersAndGaugesBecomeOneEventPerSeries() throws Exception {
        Counter requests = Counter.builder().name("ebpf_exporter_requests_total").help("Requests served")
                .labelNames("path", "class").register(registry);
        requests.labelValues("/a", "x").inc(3);
        requests.labelValues("/b", "y").inc(5);
        Gauge build = Gauge.builder().name("ebpf_exporter_build_info_value").help("Build").register(registry);
        build.set(1.5);

        bridge(JfrBridge.DEFAULT_MAX_EVENTS_PER_PERIOD);
        assertEquals(List.of("ebpf_exporter.exporter.build_info_value", "ebpf_exporter.test.requests_total"),
                bridge.eventTypeNames());

        List<RecordedEvent> events = record(JfrRecordings.tempFile(dir),
                "ebpf_exporter.test.requests_total", "ebpf_exporter.exporter.build_info_value");

        List<RecordedEvent> counted = ofType(events, "ebpf_exporter.test.requests_total");
        assertTrue(counted.size() >= 6, "expected at least 3 periods of 2 series, got " + counted.size());
        EventType type = counted.getFirst().getEventType();
        assertEquals("Requests", type.getLabel());
        assertEquals("Requests served (ebpf_exporter_requests_total, config test)", type.getDescription());
        assertEquals(List.of("eBPF Exporter", "test"), type.getCategoryNames());
        assertEquals(List.of("startTime", "class_label", "path", "value", "delta"), userAndTimeFields(type));
        assertEquals("Class", type.getField("class_label").getLabel());
        assertEquals("Label class", type.getField("class_label").getDescription());
        Map<String, Set<Double>> valuesByPath = counted.stream().collect(Collectors.groupingBy(
                e -> e.getString("path") + " " + e.getString("class_label"), TreeMap::new,
                Collectors.mapping(e -> e.getDouble("value"), Collectors.toSet())));
        assertEquals(Map.of("/a x", Set.of(3.0), "/b y", Set.of(5.0)), valuesByPath);
        // The counters did not move during the recording: every delta is 0.
        assertTrue(counted.stream().allMatch(e -> e.getDouble("delta") == 0), counted.toString());

        List<RecordedEvent> gauges = ofType(events, "ebpf_exporter.exporter.build_info_value");
        assertFalse(gauges.isEmpty());
        assertEquals(List.of("eBPF Exporter", "exporter"), gauges.getFirst().getEventType().getCategoryNames());
        assertTrue(gauges.stream().allMatch(e -> e.getDouble("value") == 1.5));
        assertTrue(ofType(events, EventsDroppedEvent.NAME).isEmpty());
    }

    @Test
    void histogramsBecomeSeriesAndBucketEvents() throws Exception {
        Histogram latency = Histogram.builder().name("ebpf_exporter_latency_seconds").help("Latency")
                .classicOnly().classicUpperBounds(0.1, 1.0).labelNames("op").register(registry);
        latency.labelValues("read").observe(0.05);
        latency.labelValues("read").observe(0.5);
        latency.labelValues("read").observe(5);

        bridge(JfrBridge.DEFAULT_MAX_EVENTS_PER_PERIOD);
        String series = "ebpf_exporter.test.latency_seconds";
        String buckets = series + ".bucket";
        assertEquals(List.of(series, buckets), bridge.eventTypeNames());

        List<RecordedEvent> events = record(JfrRecordings.tempFile(dir), series, buckets);

        List<RecordedEvent> seriesEvents = ofType(events, series);
        assertFalse(seriesEvents.isEmpty());
        assertEquals(List.of("startTime", "op", "count", "countDelta", "sum", "sumDelta"),
                userAndTimeFields(seriesEvents.getFirst().getEventType()));
        for (RecordedEvent e : seriesEvents) {
            assertEquals("read", e.getString("op"));
            assertEquals(3, e.getLong("count"));
            // A _seconds sum is a timespan in nanoseconds.
            assertEquals(Duration.ofMillis(5550), e.getDuration("sum"));
        }

        List<RecordedEvent> bucketEvents = ofType(events, buckets);
        EventType bucketType = bucketEvents.getFirst().getEventType();
        assertEquals(List.of("startTime", "op", "le", "count", "countDelta"), userAndTimeFields(bucketType));
        assertEquals("Latency Buckets", bucketType.getLabel());
        Map<Long, Set<Long>> countsByBound = bucketEvents.stream().collect(Collectors.groupingBy(
                e -> e.getLong("le"), Collectors.mapping(e -> e.getLong("count"), Collectors.toSet())));
        // Bounds in nanoseconds; +Inf is the largest long, which JFR shows as forever.
        assertEquals(Map.of(100_000_000L, Set.of(1L), 1_000_000_000L, Set.of(2L), Long.MAX_VALUE, Set.of(3L)),
                countsByBound);
    }

    @Test
    void reservedLabelNamesAreMapped() throws Exception {
        Gauge gauge = Gauge.builder().name("ebpf_exporter_reserved").help("Reserved names")
                .labelNames("startTime", "duration", "value", "new").register(registry);
        gauge.labelValues("s", "d", "v", "n").set(7);

        bridge(10);
        List<RecordedEvent> events = ofType(record(JfrRecordings.tempFile(dir), "ebpf_exporter.test.reserved"),
                "ebpf_exporter.test.reserved");

        RecordedEvent event = events.getFirst();
        assertEquals(List.of("startTime", "duration_label", "new_label", "startTime_label", "value_label", "value"),
                userAndTimeFields(event.getEventType()));
        assertEquals("s", event.getString("startTime_label"));
        assertEquals("d", event.getString("duration_label"));
        assertEquals("v", event.getString("value_label"));
        assertEquals("n", event.getString("new_label"));
        assertEquals(7.0, event.getDouble("value"));
    }

    @Test
    void capLimitsEventsPerPeriodAndCountsTheRest() throws Exception {
        Counter counter = Counter.builder().name("ebpf_exporter_many_total").help("Many").labelNames("n").register(registry);
        for (int i = 0; i < 5; i++) {
            counter.labelValues(Integer.toString(i)).inc(i);
        }
        bridge(2);
        String name = "ebpf_exporter.test.many_total";
        List<RecordedEvent> events = record(JfrRecordings.tempFile(dir), name);

        List<RecordedEvent> emitted = ofType(events, name);
        List<RecordedEvent> dropped = ofType(events, EventsDroppedEvent.NAME);
        assertFalse(dropped.isEmpty());
        // Two events and one drop report per period; a recording may stop between them.
        assertTrue(emitted.size() >= 2 * dropped.size() && emitted.size() <= 2 * (dropped.size() + 1),
                emitted.size() + " events, " + dropped.size() + " drop reports");
        for (RecordedEvent e : dropped) {
            assertEquals("ebpf_exporter_many_total", e.getString("family"));
            assertEquals(name, e.getString("eventType"));
            assertEquals(3, e.getLong("dropped"));
        }
    }

    @Test
    void noEventsAfterClose() throws Exception {
        Gauge gauge = Gauge.builder().name("ebpf_exporter_closing").help("Closing").register(registry);
        gauge.set(1);
        bridge(10);
        String name = "ebpf_exporter.test.closing";
        AtomicReference<Instant> closedAt = new AtomicReference<>();

        List<RecordedEvent> events = record(JfrRecordings.tempFile(dir), Duration.ofSeconds(1), () -> {
            bridge.close();
            closedAt.set(Instant.now());
        }, name);

        List<RecordedEvent> recorded = ofType(events, name);
        assertFalse(recorded.isEmpty(), "events before close");
        assertTrue(recorded.stream().allMatch(e -> !e.getStartTime().isAfter(closedAt.get())),
                "no event after close");
        assertEquals(List.of(), bridge.eventTypeNames());
        assertThrows(IllegalStateException.class, bridge::refresh);
    }

    @Test
    void refreshCreatesTypesForFamiliesThatAppearLater() {
        Counter early = Counter.builder().name("ebpf_exporter_early_total").help("Early").labelNames("k").register(registry);
        bridge(10);
        // No data point yet: the label names are unknown, so no type.
        assertEquals(List.of(), bridge.eventTypeNames());

        early.labelValues("v").inc();
        Gauge.builder().name("ebpf_exporter_late").help("Late").register(registry).set(2);
        assertEquals(List.of("ebpf_exporter.test.early_total", "ebpf_exporter.test.late"), bridge.refresh());
        assertEquals(List.of(), bridge.refresh(), "types are created once per family");
    }

    @Test
    void newFamiliesAreCreatedWhileRecording() throws Exception {
        Gauge.builder().name("ebpf_exporter_first").help("First").register(registry).set(1);
        bridge(10);
        Gauge.builder().name("ebpf_exporter_second").help("Second").register(registry).set(2);

        List<RecordedEvent> events = record(JfrRecordings.tempFile(dir), Duration.ofMillis(1500), () -> { },
                "ebpf_exporter.test.first", "ebpf_exporter.test.second");

        assertEquals(List.of("ebpf_exporter.test.first", "ebpf_exporter.test.second"), bridge.eventTypeNames());
        assertFalse(ofType(events, "ebpf_exporter.test.second").isEmpty(), "recorded after its type was created");
    }

    @Test
    void familiesThatMapToOneNameFailClearly() {
        Gauge.builder().name("ebpf_exporter_same").help("Prefixed").register(registry).set(1);
        Gauge.builder().name("same").help("Bare").register(registry).set(2);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bridge(10));
        assertTrue(e.getMessage().contains("ebpf_exporter.test.same"), e.getMessage());
        assertTrue(e.getMessage().contains("ebpf_exporter_same") && e.getMessage().contains(" same "), e.getMessage());
        assertTrue(FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .noneMatch(t -> t.getName().equals("ebpf_exporter.test.same")), "nothing stays registered");
    }

    @Test
    void supplierFailureDuringRecordingEmitsNothing() throws Exception {
        Gauge.builder().name("ebpf_exporter_flaky").help("Flaky").register(registry).set(1);
        AtomicReference<Boolean> fail = new AtomicReference<>(false);
        bridge = new JfrBridge(() -> {
            if (fail.get()) {
                throw new IllegalStateException("collection failed");
            }
            return registry.scrape();
        }, family -> "test");
        fail.set(true);
        List<RecordedEvent> events = record(JfrRecordings.tempFile(dir), "ebpf_exporter.test.flaky");
        assertTrue(ofType(events, "ebpf_exporter.test.flaky").isEmpty());
    }

    @Test
    void everyFailedCollectionReachesTheFailureHandler() throws Exception {
        Gauge.builder().name("ebpf_exporter_failing").help("Failing").register(registry).set(1);
        AtomicReference<Boolean> fail = new AtomicReference<>(false);
        List<String> failures = new CopyOnWriteArrayList<>();
        bridge = new JfrBridge(() -> {
            if (fail.get()) {
                throw new IllegalStateException("collection failed");
            }
            return registry.scrape();
        }, family -> "test", JfrBridge.DEFAULT_PREFIX, 10, JfrBridge::expositionName,
                (operation, e) -> failures.add(operation + ": " + e.getMessage()), family -> false);
        fail.set(true);
        record(JfrRecordings.tempFile(dir), "ebpf_exporter.test.failing");
        // About ten 100 ms periods in the one second recording: each reports, none is dropped after the first.
        assertTrue(failures.size() >= 3, failures.toString());
        assertEquals(Set.of("collecting metrics: collection failed"), Set.copyOf(failures));
    }

    /** The event's own fields, after startTime, excluding JFR's other implicit fields. */
    private static List<String> userAndTimeFields(EventType type) {
        return type.getFields().stream().map(ValueDescriptor::getName)
                .filter(n -> !Set.of("duration", "eventThread", "stackTrace").contains(n)).toList();
    }
}
