package org.ebpfexporter.exporter.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.http.Endpoint;
import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.http.SnapshotScrapeSource;
import org.ebpfexporter.jfr.JfrBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records the exporter's JFR events while the test object counts known system calls. */
@KernelTest
class JfrPublisherKernelTest {
    private static final String SYSCALLS_EVENT = "ebpf_exporter.e2e_syscalls.e2e_syscalls_total";
    private static final String ERRORS_EVENT = "ebpf_exporter.exporter.decoder_errors_total";

    @TempDir
    Path dir;

    @Test
    void recordsEveryServedFamilyWithTheValuesOfMetrics() throws Exception {
        E2eFiles.configDir(dir);
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        Path file = dir.resolve("recording.jfr");
        String metrics;
        try (Exporter exporter = Exporter.start(dir, List.of(E2eFiles.CONFIG), errors)) {
            registry.register(exporter.collector());
            makeSyscalls(1, 1);
            // A max age below the 200 ms period: every period collects, so the last event shows the last syscalls.
            SharedCollection collection = new SharedCollection(registry::scrape, Duration.ofMillis(100));
            try (JfrBridge bridge = JfrPublisher.start(collection, exporter::configOf, JfrSettings.DEFAULT,
                    new PublishErrors()).orElseThrow();
                 MetricsServer server = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics"),
                         new SnapshotScrapeSource(collection::fresh, Exposition.TEXT), null);
                 Recording recording = new Recording()) {
                assertEquals(List.of(SYSCALLS_EVENT, ERRORS_EVENT), bridge.eventTypeNames());
                recording.enable(SYSCALLS_EVENT).withPeriod(Duration.ofMillis(200));
                recording.enable(ERRORS_EVENT).withPeriod(Duration.ofMillis(200));
                recording.start();
                makeSyscalls(36, 4);
                Thread.sleep(700);
                metrics = E2eFiles.get(server.port(), "/metrics");
                recording.stop();
                recording.dump(file);
            }
        }
        List<String> lines = metrics.lines().toList();
        assertTrue(lines.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getppid\"} 37"), metrics);
        assertTrue(lines.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getpgrp\"} 5"), metrics);
        assertTrue(lines.contains("ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} 0"), metrics);

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertEquals(Map.of("getppid", 37.0, "getpgrp", 5.0), last(events, SYSCALLS_EVENT, "syscall"));
        assertEquals(Map.of("e2e_syscalls", 0.0), last(events, ERRORS_EVENT, "config"));
        RecordedEvent sample = events.stream().filter(e -> e.getEventType().getName().equals(SYSCALLS_EVENT))
                .findFirst().orElseThrow();
        assertEquals(List.of("syscall", "value", "delta"), sample.getFields().stream().map(f -> f.getName())
                .filter(n -> !List.of("startTime", "duration", "eventThread", "stackTrace").contains(n)).toList());
        assertEquals(List.of("eBPF Exporter", "e2e_syscalls"), sample.getEventType().getCategoryNames());
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void disabledPublishesNothing() {
        assertTrue(JfrPublisher.start(new SharedCollection(new PrometheusRegistry()::scrape), metric -> Optional.empty(), new JfrSettings(false, 1), new PublishErrors()).isEmpty());
    }

    /** The value of each label value in the last event of the type. */
    private static Map<String, Double> last(List<RecordedEvent> events, String type, String label) {
        Map<String, Double> values = new TreeMap<>();
        events.stream().filter(e -> e.getEventType().getName().equals(type))
                .forEach(e -> values.put(e.getString(label), e.getDouble("value")));
        return values;
    }

    private static void makeSyscalls(int getppid, int getpgrp) throws InterruptedException {
        Thread thread = new Thread(() -> {
            Syscalls.getppid(getppid);
            Syscalls.getpgrp(getpgrp);
        }, E2eFiles.THREAD_NAME);
        thread.start();
        thread.join();
    }
}
