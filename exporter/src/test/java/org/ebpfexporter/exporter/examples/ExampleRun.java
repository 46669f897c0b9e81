package org.ebpfexporter.exporter.examples;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.collector.DecoderErrors;

/** One example config of {@code examples/}, loaded and attached by the exporter for a test. */
final class ExampleRun implements AutoCloseable {
    static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

    private final String config;
    private final DecoderErrors errors = new DecoderErrors();
    private final Exporter exporter;

    ExampleRun(String config) {
        this.config = config;
        this.exporter = Exporter.start(EXAMPLES, List.of(config), errors);
    }

    /** Collects now and returns the family of that served name. */
    MetricSnapshot family(String name) {
        MetricSnapshots snapshots = exporter.collector().collect();
        return snapshots.stream().filter(s -> s.getMetadata().getPrometheusName().equals(prometheusName(name)))
                .findFirst().orElseThrow(() -> new AssertionError("no family " + name + " in " + names(snapshots)));
    }

    /** Label values of every data point (joined by ',', in label-name order) to the data point. */
    Map<String, DataPointSnapshot> series(String name) {
        Map<String, DataPointSnapshot> series = new TreeMap<>();
        for (DataPointSnapshot point : family(name).getDataPoints()) {
            StringBuilder key = new StringBuilder();
            point.getLabels().forEach(label -> key.append(key.isEmpty() ? "" : ",").append(label.getValue()));
            series.put(key.toString(), point);
        }
        return series;
    }

    /** Decoding failures counted for this config so far. */
    double decoderErrors() {
        return errors.count(config);
    }

    @Override
    public void close() {
        exporter.close();
    }

    private static String prometheusName(String name) {
        // client_java keys counters without their _total suffix
        return name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
    }

    private static List<String> names(MetricSnapshots snapshots) {
        return snapshots.stream().map(s -> s.getMetadata().getPrometheusName()).toList();
    }
}
