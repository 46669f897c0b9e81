package org.ebpfexporter.bpf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerfEventSectionTest {

    @Test
    void parsesUpstreamSections() {
        assertEquals(new PerfEventSection(1, 0, 99, 0), PerfEventSection.parse("perf_event/type=1,config=0,frequency=99"));
        assertEquals(new PerfEventSection(1, 2, 0, 1), PerfEventSection.parse("perf_event/type=1,config=2,period=1"));
    }

    @Test
    void rejectsMalformedSections() {
        assertEquals("unknown perf_event item \"bogus=1\" in section perf_event/type=1,bogus=1 "
                        + "(known: type, config, frequency, period)",
                assertThrows(IllegalArgumentException.class,
                        () -> PerfEventSection.parse("perf_event/type=1,bogus=1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PerfEventSection.parse("perf_event/config=1"));
        assertThrows(IllegalArgumentException.class, () -> PerfEventSection.parse("perf_event/type=x"));
        assertThrows(IllegalArgumentException.class, () -> PerfEventSection.parse("perf_event/type=1,frequency=9,period=2"));
    }

    @Test
    void parsesCpuLists() {
        assertEquals(List.of(0, 1, 2, 3, 6), PerfEvents.parseCpuList("0-3,6\n"));
        assertEquals(List.of(0), PerfEvents.parseCpuList("0"));
    }
}
