package org.ebpfexporter.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ebpfexporter.exporter.collector.MapDump;
import org.junit.jupiter.api.Test;

/** The text of {@code /maps}: grouped by config, one line per entry, values unsigned. */
class MapsPageTest {
    @Test
    void groupsByConfigWithOneLinePerEntry() {
        List<MapDump> dumps = List.of(
                new MapDump("a", "calls_total", List.of("syscall", "comm"), null, List.of(
                        new MapDump.Entry("6e00000000000000", List.of("getppid", "say \"hi\"\n"), null, new long[] {37}),
                        new MapDump.Entry("6f00000000000000", null, "skipped", new long[] {-1L})), null),
                new MapDump("b", "softirqs_total", List.of("kind"), "cpu", List.of(
                        new MapDump.Entry("01000000", null, "error: boom", new long[] {1, 0, 2})), null),
                new MapDump("a", "latency_seconds", List.of("bucket"), null, List.of(), "java.lang.IllegalStateException: gone"));
        assertEquals("""
                config a
                  map calls_total labels=[syscall,comm] entries=2
                    key=6e00000000000000 labels={syscall="getppid",comm="say \\"hi\\"\\n"} value=37
                    key=6f00000000000000 labels=(skipped) value=18446744073709551615
                  map latency_seconds labels=[bucket] error=java.lang.IllegalStateException: gone
                config b
                  map softirqs_total labels=[kind] cpu_label=cpu entries=1
                    key=01000000 labels=(error: boom) values=1,0,2
                """, MapsPage.format(dumps));
    }
}
