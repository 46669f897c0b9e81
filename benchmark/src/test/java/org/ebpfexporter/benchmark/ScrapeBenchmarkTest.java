package org.ebpfexporter.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;

/** The scrape benchmark's fixture serves every entry of its map. */
@KernelTest
class ScrapeBenchmarkTest {

    @Test
    void collectsEveryEntryAndWritesThem() throws Exception {
        System.setProperty("bench.maps.object", TestObjects.file("maps.bpf.o").toString());
        ScrapeBenchmark benchmark = new ScrapeBenchmark();
        benchmark.entries = 1000;
        benchmark.start();
        try {
            assertEquals(1000, benchmark.collect().get(0).getDataPoints().size());
            assertTrue(benchmark.textScrape() > 1000 * "ebpf_exporter_hash_100k{key=\"1\"} 2\n".length());
        } finally {
            benchmark.stop();
        }
    }
}
