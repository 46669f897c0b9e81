package org.ebpfexporter.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.ebpfexporter.exporter.collector.SharedCollection;
import org.ebpfexporter.exporter.jfr.JfrPublisher;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.exporter.jmx.ExporterMBeans;
import org.ebpfexporter.exporter.collector.PublishErrors;
import org.ebpfexporter.jfr.JfrBridge;
import org.junit.jupiter.api.Test;

/**
 * A counter configured without {@code _total} is served verbatim on {@code /metrics}, and JMX and
 * JFR name it the same way, not with client_java's appended {@code _total}.
 */
class ServedNamesInBridgesTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    ServedNamesInBridgesTest() {
        MultiCollector collector = () -> MetricSnapshots.of(new VerbatimCounterSnapshot("ebpf_exporter_oom_kills",
                "OOM kills", List.of(CounterDataPointSnapshot.builder().labels(Labels.of("cgroup", "/a")).value(3)
                        .build())));
        registry.register(collector);
    }

    @Test
    void mbeanNameIsTheServedName() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (ExporterMBeans mbeans = ExporterMBeans.register(server, new SharedCollection(registry::scrape),
                metric -> metric.equals("ebpf_exporter_oom_kills") ? Optional.of("oom") : Optional.empty(),
                new PublishErrors())) {
            assertEquals(Set.of(new ObjectName("org.ebpfexporter:config=oom,name=oom_kills"),
                            new ObjectName("org.ebpfexporter:config=oom,name=oom_kills,cgroup=/a")),
                    server.queryNames(new ObjectName("org.ebpfexporter:*"), null));
        }
    }

    @Test
    void jfrEventTypeNameIsTheServedName() {
        try (JfrBridge bridge = JfrPublisher.start(new SharedCollection(registry::scrape),
                metric -> metric.equals("ebpf_exporter_oom_kills") ? Optional.of("oom") : Optional.empty(),
                JfrSettings.DEFAULT, new PublishErrors()).orElseThrow()) {
            assertEquals(List.of("ebpf_exporter.oom.oom_kills"), bridge.eventTypeNames());
        }
    }
}
