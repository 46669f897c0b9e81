package org.ebpfexporter.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;

/** The benchmark's fixture works and both read paths see the same map. */
@KernelTest
class MapReadBenchmarkTest {

    @Test
    void bothReadPathsReturnEveryEntry() {
        System.setProperty("bench.maps.object", TestObjects.file("maps.bpf.o").toString());
        MapReadBenchmark benchmark = new MapReadBenchmark();
        benchmark.entries = 1000;
        benchmark.fill();
        try {
            assertEquals(1000, benchmark.batch());
            assertEquals(1000, benchmark.keyByKey());
        } finally {
            benchmark.close();
        }
    }
}
