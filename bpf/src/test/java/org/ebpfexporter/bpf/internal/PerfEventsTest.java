package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code perf_event_attr} built for a section, read at the offsets of the kernel's UAPI: the
 * generated layout and the one flag set by hand land where the kernel reads them.
 */
class PerfEventsTest {
    private static final long FREQ_BIT = 1L << 10;

    @Test
    void frequencySetsSampleFreqAndTheFreqFlag() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = PerfEvents.attributes(PerfEventSection.parse("perf_event/type=1,config=2,frequency=99"),
                    arena);
            assertEquals(1, attr.get(JAVA_INT, 0), "type");
            assertEquals(128, attr.get(JAVA_INT, 4), "size (PERF_ATTR_SIZE_VER7)");
            assertEquals(2, attr.get(JAVA_LONG, 8), "config");
            assertEquals(99, attr.get(JAVA_LONG, 16), "sample_freq");
            assertEquals(FREQ_BIT, attr.get(JAVA_LONG, 40), "flags: only freq");
        }
    }

    @Test
    void periodSetsSamplePeriodAndNoFlag() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = PerfEvents.attributes(PerfEventSection.parse("perf_event/type=1,config=2,period=7"),
                    arena);
            assertEquals(7, attr.get(JAVA_LONG, 16), "sample_period");
            assertEquals(0, attr.get(JAVA_LONG, 40), "flags");
        }
    }

    @Test
    void cpuListRangesAndSingles() {
        assertEquals(List.of(0, 1, 2, 3, 6), PerfEvents.parseCpuList("0-3,6\n"));
    }
}
