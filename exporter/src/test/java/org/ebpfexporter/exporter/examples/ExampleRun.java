package org.ebpfexporter.exporter.examples;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.exposition.GoTextFormat;

/** One example config of {@code examples/}, loaded and attached by the exporter for a test. */
final class ExampleRun implements AutoCloseable {
    static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));

    private final String config;
    private final DecoderErrors errors = new DecoderErrors();
    private final Exporter exporter;

    ExampleRun(String config) {
        this(config, ExporterOptions.DEFAULTS);
    }

    /** With options, such as the JVM whose probes the {@code usdt} programs attach to. */
    ExampleRun(String config, ExporterOptions options) {
        this.config = config;
        this.exporter = Exporter.start(EXAMPLES, List.of(config), errors, options);
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

    /**
     * Collects now and returns the series of that histogram as the text format serves them, keyed
     * by their label values other than {@code le} (joined by ',', in label-name order).
     */
    Map<String, ServedHistogram> histograms(String name) {
        family(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            GoTextFormat.write(out, exporter.collector().collect());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ServedHistogram.parse(out.toString(StandardCharsets.UTF_8), name);
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
