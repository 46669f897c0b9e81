package org.ebpfexporter.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.DataAmount;
import jdk.jfr.EventType;
import jdk.jfr.Timespan;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.IDisplayable;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/**
 * Units, labels and per-period increases, read back by the JDK's consumer API and by JDK Mission
 * Control's own parser (what JMC renders).
 */
class JfrUnitsTest {
    private static final String LATENCY = "ebpf_exporter.disk.bio_latency_seconds";
    private static final String SIZE = "ebpf_exporter.disk.bio_size_bytes";
    private static final String READS = "ebpf_exporter.disk.reads_total";
    private static final String QUEUED = "ebpf_exporter.disk.queued_bytes";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private JfrBridge bridge;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void fieldsCarryTheirUnitsAndHistogramsTheirIncreasesPerPeriod() throws Exception {
        Histogram latency = Histogram.builder().name("ebpf_exporter_bio_latency_seconds").help("Block I/O latency")
                .classicOnly().classicUpperBounds(0.001, 1.0).labelNames("device").register(registry);
        Histogram size = Histogram.builder().name("ebpf_exporter_bio_size_bytes").help("Block I/O size")
                .classicOnly().classicUpperBounds(4096).register(registry);
        Counter reads = Counter.builder().name("ebpf_exporter_reads_total").help("Reads").register(registry);
        Gauge queued = Gauge.builder().name("ebpf_exporter_queued_bytes").help("Queued").register(registry);
        latency.labelValues("sda").observe(0.5);
        latency.labelValues("sda").observe(1.02);
        size.observe(3_000_000_000.0);
        reads.inc(7);
        queued.set(2048);
        bridge = new JfrBridge(registry::scrape, family -> "disk", JfrBridge.DEFAULT_PREFIX,
                JfrBridge.DEFAULT_MAX_EVENTS_PER_PERIOD, JfrBridge::expositionName, (what, e) -> { },
                family -> family.equals("ebpf_exporter_reads_total"));
        Path file = JfrRecordings.tempFile(dir);
        List<RecordedEvent> events = JfrRecordings.record(file, Duration.ofMillis(1200), () -> {
            latency.labelValues("sda").observe(0.0005);
            latency.labelValues("sda").observe(0.0025);
            reads.inc(5);
        }, LATENCY, LATENCY + ".bucket", SIZE, READS, QUEUED);

        EventType latencyType = JfrRecordings.ofType(events, LATENCY).getFirst().getEventType();
        assertEquals("BIO Latency", latencyType.getLabel());
        assertEquals("Block I/O latency (ebpf_exporter_bio_latency_seconds, config disk)",
                latencyType.getDescription());
        assertTimespan(latencyType.getField("sum"));
        assertTimespan(latencyType.getField("sumDelta"));
        assertEquals("long", latencyType.getField("count").getTypeName());
        assertEquals("long", latencyType.getField("countDelta").getTypeName());
        assertEquals("Observations", latencyType.getField("count").getLabel());
        assertEquals("Device", latencyType.getField("device").getLabel());
        assertTimespan(JfrRecordings.ofType(events, LATENCY + ".bucket").getFirst().getEventType().getField("le"));
        EventType sizeType = JfrRecordings.ofType(events, SIZE).getFirst().getEventType();
        assertEquals(DataAmount.BYTES, sizeType.getField("sum").getAnnotation(DataAmount.class).value());
        EventType readsType = JfrRecordings.ofType(events, READS).getFirst().getEventType();
        assertEquals("long", readsType.getField("value").getTypeName(), "a whole-number family");
        assertNull(readsType.getField("value").getAnnotation(Timespan.class));
        EventType queuedType = JfrRecordings.ofType(events, QUEUED).getFirst().getEventType();
        assertEquals("double", queuedType.getField("value").getTypeName());
        assertEquals(DataAmount.BYTES, queuedType.getField("value").getAnnotation(DataAmount.class).value());

        // The increases of all periods add up to what happened during the recording.
        List<RecordedEvent> series = JfrRecordings.ofType(events, LATENCY);
        assertEquals(2, series.getFirst().getLong("count"));
        assertEquals(4, series.getLast().getLong("count"));
        assertEquals(2, series.stream().mapToLong(e -> e.getLong("countDelta")).sum());
        assertEquals(Duration.ofMillis(1520), series.getFirst().getDuration("sum"));
        assertEquals(Duration.ofMillis(3), series.stream().map(e -> e.getDuration("sumDelta"))
                .reduce(Duration.ZERO, Duration::plus));
        List<RecordedEvent> firstBucket = JfrRecordings.ofType(events, LATENCY + ".bucket").stream()
                .filter(e -> e.getLong("le") == 1_000_000L).toList();
        assertEquals(1, firstBucket.stream().mapToLong(e -> e.getLong("countDelta")).sum());
        assertEquals(5, JfrRecordings.ofType(events, READS).stream().mapToLong(e -> e.getLong("delta")).sum());

        // JMC's parser sees the same units and renders them.
        IItemCollection loaded = JfrLoaderToolkit.loadEvents(new File(file.toString()));
        List<IQuantity> sums = quantities(loaded, LATENCY, "sum");
        assertEquals(UnitLookup.TIMESPAN, sums.getFirst().getUnit().getContentType());
        assertEquals(1.52, sums.getFirst().doubleValueIn(UnitLookup.SECOND), 1e-9);
        // JMC separates number and unit with a no-break space.
        assertEquals("1.520\u00a0s", sums.getFirst().displayUsing(IDisplayable.AUTO));
        IQuantity bytes = quantities(loaded, SIZE, "sum").getFirst();
        assertEquals(UnitLookup.MEMORY, bytes.getUnit().getContentType());
        assertEquals(3_000_000_000.0, bytes.doubleValueIn(UnitLookup.BYTE), 1e-3);
        assertTrue(bytes.displayUsing(IDisplayable.AUTO).endsWith("GiB"), bytes.displayUsing(IDisplayable.AUTO));
        // A count has no unit: JMC shows the plain number.
        assertEquals(2L, members(loaded, LATENCY, "count").getFirst());
    }

    private static void assertTimespan(ValueDescriptor field) {
        assertEquals("long", field.getTypeName(), field.getName());
        assertEquals(Timespan.NANOSECONDS, field.getAnnotation(Timespan.class).value(), field.getName());
    }

    private static List<IQuantity> quantities(IItemCollection items, String typeName, String field) {
        return members(items, typeName, field).stream().map(IQuantity.class::cast).toList();
    }

    /** The values of one field of one event type, in recording order, as JMC's parser reads them. */
    @SuppressWarnings("unchecked")
    private static List<Object> members(IItemCollection items, String typeName, String field) {
        List<Object> values = new ArrayList<>();
        for (IItemIterable iterable : items.apply(ItemFilters.type(typeName))) {
            IType<IItem> type = iterable.getType();
            IAccessorKey<?> key = type.getAccessorKeys().keySet().stream()
                    .filter(k -> k.getIdentifier().equals(field)).findFirst().orElseThrow();
            IMemberAccessor<Object, IItem> accessor = (IMemberAccessor<Object, IItem>) type.getAccessor(key);
            iterable.forEach(item -> values.add(accessor.getMember(item)));
        }
        return values;
    }
}
