package org.ebpfexporter.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK's own {@code jfr} tool reads the events. */
class JfrPrintTest {
    @TempDir
    Path dir;

    @Test
    void jfrPrintShowsTheEvents() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter.builder().name("ebpf_exporter_printed_total").help("Printed").labelNames("disk")
                .register(registry).labelValues("sda").inc(42);
        String name = "ebpf_exporter.print.printed_total";
        Path file = JfrRecordings.tempFile(dir);
        try (JfrBridge bridge = new JfrBridge(registry::scrape, family -> "print")) {
            assertEquals(List.of(name), bridge.eventTypeNames());
            JfrRecordings.record(file, name);
        }

        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Path out = dir.resolve("print.txt");
        Process process = new ProcessBuilder(jfr.toString(), "print", "--events", name, file.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertEquals(0, process.waitFor());
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(printed.contains(name + " {"), printed);
        assertTrue(printed.contains("disk = \"sda\""), printed);
        assertTrue(printed.contains("value = 42"), printed);
    }

    @Test
    void jfrPrintShowsSecondsAndBytesWithTheirUnits() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Histogram.builder().name("ebpf_exporter_wait_seconds").help("Wait").classicOnly()
                .classicUpperBounds(0.001).register(registry).observe(1.52);
        Histogram.builder().name("ebpf_exporter_write_bytes").help("Written").classicOnly()
                .classicUpperBounds(4096).register(registry).observe(3L << 30);
        String seconds = "ebpf_exporter.print.wait_seconds";
        String bytes = "ebpf_exporter.print.write_bytes";
        Path file = JfrRecordings.tempFile(dir);
        try (JfrBridge bridge = new JfrBridge(registry::scrape, family -> "print")) {
            JfrRecordings.record(file, seconds, seconds + ".bucket", bytes);
        }
        String printed = print(file, seconds + "," + seconds + ".bucket," + bytes);
        assertTrue(printed.contains("sum = 1.52 s"), printed);
        assertTrue(printed.contains("sumDelta = 0 s"), printed);
        assertTrue(printed.contains("le = 1.00 ms"), printed);
        assertTrue(printed.contains("le = Forever"), printed);
        // JFR counts in binary units: 3 GiB prints as 3.0 GB.
        assertTrue(printed.contains("sum = 3.0 GB"), printed);
    }

    private String print(Path recording, String events) throws Exception {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Path out = dir.resolve("print-units.txt");
        Process process = new ProcessBuilder(jfr.toString(), "print", "--events", events, recording.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertEquals(0, process.waitFor());
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
