package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.exporter.config.Counter;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.ebpfexporter.exporter.config.Label;
import org.junit.jupiter.api.Test;

/** Dumps for {@code /maps}: raw keys, labels or why not, values per CPU, and nothing counted. */
class MapDumpTest {
    /** 0 fails in errno, 1 is EPERM, 2 is skipped by the regexp. */
    private static final Label RESULT = new Label("result", 4, 0, List.of(
            new DecoderSpec("uint", Map.of(), false, List.of()),
            new DecoderSpec("regexp", Map.of(), false, List.of("^[01]$")),
            new DecoderSpec("static_map", Map.of("0", "x"), true, List.of()),
            new DecoderSpec("errno", Map.of(), false, List.of())));

    private final DecoderErrors errors = new DecoderErrors();

    @Test
    void showsRawKeysLabelsOrWhyNotAndValuesPerCpuWithoutCountingErrors() {
        FakeRows rows = new FakeRows(2).row(new int[] {2}, 5, 6).row(new int[] {1}, 3, 4).row(new int[] {0}, 1, 2);
        MapTable table = FakeRows.table(List.of(RESULT), true, errors, () -> rows);
        CounterReader reader = new CounterReader(new Counter("results_total", "Results", List.of(RESULT), false, null),
                table);

        MapDump dump = reader.dump();

        assertEquals("test", dump.config());
        assertEquals("metric", dump.map());
        assertEquals(List.of("result"), dump.labelNames());
        assertEquals(null, dump.cpuLabel());
        assertEquals(null, dump.error());
        List<MapDump.Entry> entries = dump.entries();
        assertEquals(List.of("00000000", "01000000", "02000000"), entries.stream().map(MapDump.Entry::key).toList());
        assertEquals(null, entries.get(0).labels());
        assertEquals("error: errno: expected a decimal number, got \"x\"", entries.get(0).problem());
        assertArrayEquals(new long[] {1, 2}, entries.get(0).values());
        assertEquals(List.of("EPERM"), entries.get(1).labels());
        assertEquals(null, entries.get(1).problem());
        assertArrayEquals(new long[] {3, 4}, entries.get(1).values());
        assertEquals(null, entries.get(2).labels());
        assertEquals("skipped", entries.get(2).problem());
        assertEquals(0, errors.count("test"), "dumping counts no decoder error");

        // A scrape after the dump still decodes (and counts) for itself.
        CounterSnapshot snapshot = (CounterSnapshot) reader.collect();
        assertEquals(1, snapshot.getDataPoints().size());
        assertEquals(7.0, snapshot.getDataPoints().getFirst().getValue());
        assertEquals(1, errors.count("test"));
    }

    @Test
    void aFailedReadIsReportedNotCounted() {
        MapTable table = FakeRows.table(List.of(RESULT), false, errors, () -> {
            throw new IllegalStateException("map gone");
        });
        MapDump dump = table.dump();
        assertEquals("java.lang.IllegalStateException: map gone", dump.error());
        assertEquals(List.of(), dump.entries());
        assertEquals(0, errors.count("test"));
    }
}
