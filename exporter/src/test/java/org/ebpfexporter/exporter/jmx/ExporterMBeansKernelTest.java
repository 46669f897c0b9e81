package org.ebpfexporter.exporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.jmx.JmxCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.ExporterException;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.exposition.GoFloat;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter's metrics in the platform MBean server, compared with what /metrics serves. */
@KernelTest
class ExporterMBeansKernelTest {
    static final ObjectName SYSCALLS = name("org.ebpfexporter:config=e2e_syscalls,name=e2e_syscalls_total");
    static final ObjectName ERRORS = name("org.ebpfexporter:config=exporter,name=decoder_errors_total");

    private final MBeanServer platform = ManagementFactory.getPlatformMBeanServer();

    @TempDir
    Path dir;

    private Exporter exporter;
    private PrometheusRegistry registry;
    private MetricsServer server;

    @BeforeEach
    void start() throws Exception {
        E2eFiles.configDir(dir);
        registry = new PrometheusRegistry();
        exporter = Exporter.start(dir, List.of(E2eFiles.CONFIG), new DecoderErrors().register(registry));
        registry.register(exporter.collector());
        server = MetricsServer.start(ListenAddress.parse("127.0.0.1:0"), "/metrics", registry);
    }

    @AfterEach
    void stop() {
        server.close();
        exporter.close();
    }

    @Test
    void mbeanValuesEqualMetrics() throws Exception {
        E2eFiles.syscalls(37, 5);
        try (ExporterMBeans mbeans = ExporterMBeans.register(platform, new SharedCollection(registry::scrape), exporter::configOf,
                new PublishErrors())) {
            assertTrue(platform.isRegistered(SYSCALLS));
            assertTrue(platform.isRegistered(ERRORS));
            assertSameValues(37.0, 5.0);
            E2eFiles.syscalls(3, 0);
            // Past the collection's max age, the MBeans show a new collection.
            Thread.sleep(1_100);
            assertSameValues(40.0, 5.0);
        }
    }

    @Test
    void jmxExporterCollectorReadsTheSameValues() throws Exception {
        E2eFiles.syscalls(37, 5);
        try (ExporterMBeans mbeans = ExporterMBeans.register(platform, new SharedCollection(registry::scrape), exporter::configOf,
                new PublishErrors())) {
            JmxCollector collector = new JmxCollector("""
                    lowercaseOutputName: false
                    includeObjectNames: ["org.ebpfexporter:*"]
                    rules:
                      - pattern: ".*"
                    """);
            PrometheusRegistry jmxRegistry = new PrometheusRegistry();
            collector.register(jmxRegistry);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(text, jmxRegistry.scrape());
            List<String> lines = text.toString(StandardCharsets.UTF_8).lines().toList();
            List<String> metrics = E2eFiles.get(server.port(), "/metrics").lines().toList();
            // The JMX exporter names samples after domain, first key and attribute; it keeps the
            // other ObjectName keys as labels and adds the Series table's index columns.
            String series = "org_ebpfexporter_e2e_syscalls_Series{name=\"e2e_syscalls_total\",";
            assertTrue(metrics.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getppid\"} 37"), metrics.toString());
            assertTrue(lines.contains(series + "syscall=\"getppid\"} 37.0"), lines.toString());
            assertTrue(metrics.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getpgrp\"} 5"), metrics.toString());
            assertTrue(lines.contains(series + "syscall=\"getpgrp\"} 5.0"), lines.toString());
            assertTrue(metrics.contains("ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} 0"),
                    metrics.toString());
            // Its label "config" meets the ObjectName key "config": the JMX exporter renames it.
            assertTrue(lines.contains("org_ebpfexporter_exporter_Series{config_=\"e2e_syscalls\","
                    + "name=\"decoder_errors_total\"} 0.0"), lines.toString());
            assertTrue(lines.contains("org_ebpfexporter_e2e_syscalls_Total{name=\"e2e_syscalls_total\"} 42.0"),
                    lines.toString());
            // Each series is an MBean of its own, its labels ObjectName keys.
            assertTrue(lines.contains("org_ebpfexporter_e2e_syscalls_Value{name=\"e2e_syscalls_total\","
                    + "syscall=\"getppid\"} 37.0"), lines.toString());
        }
    }

    @Test
    void secondExporterInTheJvmFailsClearlyAndLeavesTheFirstIntact() throws Exception {
        E2eFiles.syscalls(2, 0);
        PrometheusRegistry other = new PrometheusRegistry();
        try (ExporterMBeans first = ExporterMBeans.register(platform, new SharedCollection(registry::scrape), exporter::configOf,
                new PublishErrors());
             Exporter second = Exporter.start(dir, List.of(E2eFiles.CONFIG), new DecoderErrors().register(other))) {
            other.register(second.collector());
            Set<ObjectName> before = platform.queryNames(name("org.ebpfexporter:*"), null);
            ExporterException e = assertThrows(ExporterException.class,
                    () -> ExporterMBeans.register(platform, new SharedCollection(other::scrape), second::configOf,
                            new PublishErrors()));
            assertTrue(e.getMessage().startsWith("JMX: MBean org.ebpfexporter:config="), e.getMessage());
            assertTrue(e.getMessage().contains("is already registered"), e.getMessage());
            assertEquals(before, platform.queryNames(name("org.ebpfexporter:*"), null));
            assertEquals(2.0, row(SYSCALLS, "getppid"));
        }
        assertEquals(Set.of(), platform.queryNames(name("org.ebpfexporter:*"), null));
    }

    private void assertSameValues(double getppid, double getpgrp) throws Exception {
        List<String> metrics = E2eFiles.get(server.port(), "/metrics").lines().toList();
        double errors = row(ERRORS, E2eFiles.CONFIG);
        assertEquals(List.of(
                        "ebpf_exporter_e2e_syscalls_total{syscall=\"getppid\"} " + GoFloat.format(getppid),
                        "ebpf_exporter_e2e_syscalls_total{syscall=\"getpgrp\"} " + GoFloat.format(getpgrp),
                        "ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} " + GoFloat.format(errors)),
                List.of(
                        find(metrics, "ebpf_exporter_e2e_syscalls_total{syscall=\"getppid\"} "),
                        find(metrics, "ebpf_exporter_e2e_syscalls_total{syscall=\"getpgrp\"} "),
                        find(metrics, "ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} ")));
        assertEquals(getppid, row(SYSCALLS, "getppid"));
        assertEquals(getpgrp, row(SYSCALLS, "getpgrp"));
        assertEquals(0.0, errors);
    }

    private double row(ObjectName family, String label) throws Exception {
        TabularData series = (TabularData) platform.getAttribute(family, "Series");
        // Counter values are whole numbers: Long.
        return (Long) series.get(new Object[] {label}).get("value");
    }

    private static String find(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(prefix + "(missing)");
    }

    static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
