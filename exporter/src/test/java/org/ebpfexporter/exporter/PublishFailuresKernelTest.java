package org.ebpfexporter.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.MBeanException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.MapEntries;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.jfr.JfrPublisher;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.exporter.jmx.ExporterMBeans;
import org.ebpfexporter.jfr.JfrBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JFR and JMX collections that fail for real (a metric reading a map whose object was closed) are
 * counted in {@code ebpf_exporter_publish_errors_total{sink}} and logged once per interval, not
 * swallowed and not logged on every failure.
 */
@KernelTest
class PublishFailuresKernelTest {
    private static final String METRIC = "ebpf_exporter_test_map_entries";
    private static final String EVENT = "ebpf_exporter.exporter.test_map_entries";
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final Logger julLogger = Logger.getLogger(PublishErrors.class.getName());
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final PublishErrors errors = new PublishErrors();
    private BpfObject object;
    private SharedCollection collection;

    @BeforeEach
    void loadAMapAndCollectIt() throws Exception {
        E2eFiles.configDir(dir);
        object = BpfObject.open(dir.resolve(E2eFiles.CONFIG + ".bpf.o"));
        object.load();
        BpfMap map = object.map("e2e_syscalls_total");
        MapEntries entries = map.newEntries();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register((Collector) () -> new GaugeSnapshot(new MetricMetadata(METRIC, "Entries of a real map"),
                List.of(GaugeDataPointSnapshot.builder().value(map.read(entries)).build())));
        collection = new SharedCollection(registry::scrape, Duration.ZERO);
        julLogger.addHandler(capture);
    }

    @AfterEach
    void closeAll() {
        julLogger.removeHandler(capture);
        object.close();
    }

    @Test
    void aFailingJmxCollectionIsCountedAndLoggedOnce() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("org.ebpfexporter:config=exporter,name=test_map_entries");
        try (ExporterMBeans mbeans = ExporterMBeans.register(server, collection, metric -> Optional.empty(), errors)) {
            assertEquals(0L, server.getAttribute(name, "Value"));
            assertEquals(0, errors.count(PublishErrors.JMX));

            object.close();
            MBeanException e = assertThrows(MBeanException.class, () -> server.getAttribute(name, "Value"));
            assertTrue(e.getMessage().contains("is closed"), e.getMessage());
            assertEquals(List.of(), server.getAttributes(name, new String[] {"Value"}).asList(),
                    "getAttributes leaves out what it cannot read");
            assertEquals(2, errors.count(PublishErrors.JMX), "both failed reads are counted");
        }
        assertEquals(List.of("jmx: collecting metrics failed: java.lang.IllegalStateException: " + object.path()
                + " is closed"), logged, "one line for the two failures within a minute");
    }

    @Test
    void aFailingJfrCollectionIsCountedAndLoggedOnce() throws Exception {
        try (JfrBridge bridge = JfrPublisher.start(collection, metric -> Optional.empty(), JfrSettings.DEFAULT,
                errors).orElseThrow();
             Recording recording = new Recording()) {
            assertEquals(List.of(EVENT), bridge.eventTypeNames());
            object.close();
            recording.enable(EVENT).withPeriod(Duration.ofMillis(100));
            recording.start();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (errors.count(PublishErrors.JFR) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling for the condition, with a deadline
            }
            recording.stop();
        }
        assertTrue(errors.count(PublishErrors.JFR) >= 3, "every failed period is counted: "
                + errors.count(PublishErrors.JFR));
        assertEquals(List.of("jfr: collecting metrics failed: java.lang.IllegalStateException: " + object.path()
                + " is closed"), logged, "one line, not one per period nor only one ever");
    }
}
