package org.ebpfexporter.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden outputs of the Go-compatible text format. */
class GoTextFormatTest {
    @Test
    void countersKeepTheirServedNameWithOrWithoutTotal() throws IOException {
        assertEquals("""
                # HELP ebpf_exporter_oom_kills OOM kills
                # TYPE ebpf_exporter_oom_kills counter
                ebpf_exporter_oom_kills{cgroup="/a"} 3
                ebpf_exporter_oom_kills{cgroup="/b"} 1.234567e+06
                # HELP ebpf_exporter_timer_starts_total Timers
                # TYPE ebpf_exporter_timer_starts_total counter
                ebpf_exporter_timer_starts_total{cpu="0",function="pipe_lock"} 37
                """, text(
                new VerbatimCounterSnapshot("ebpf_exporter_timer_starts_total", "Timers",
                        List.of(counter(37, "function", "pipe_lock", "cpu", "0"))),
                new VerbatimCounterSnapshot("ebpf_exporter_oom_kills", "OOM kills",
                        List.of(counter(1234567, "cgroup", "/b"), counter(3, "cgroup", "/a")))));
    }

    @Test
    void clientJavaCountersGetTheirUsualTotalName() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter.builder().name("ebpf_exporter_decoder_errors_total").help("Errors").labelNames("config")
                .register(registry).labelValues("timers").inc(2);
        JvmMetrics.builder().register(registry);
        String text = text(registry.scrape());
        assertTrue(text.contains("""
                # HELP ebpf_exporter_decoder_errors_total Errors
                # TYPE ebpf_exporter_decoder_errors_total counter
                ebpf_exporter_decoder_errors_total{config="timers"} 2
                """), text);
        assertTrue(text.contains("\n# TYPE process_cpu_seconds_total counter\n"), text);
        assertTrue(text.contains("\n# TYPE jvm_runtime_info gauge\n"), text);
        assertTrue(text.contains("\n# TYPE jvm_gc_collection_seconds summary\n"), text);
    }

    @Test
    void histogramBoundsAreSpelledAsGoDoes() throws IOException {
        HistogramSnapshot histogram = HistogramSnapshot.builder().name("ebpf_exporter_latency_seconds")
                .help("Latency").dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .labels(Labels.of("device", "sda"))
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(
                                new double[] {1e-6, 0.000128, 1.048576, 1048576, Double.POSITIVE_INFINITY},
                                new long[] {1, 2, 3, 4, 0}))
                        .sum(0.5).build())
                .build();
        assertEquals("""
                # HELP ebpf_exporter_latency_seconds Latency
                # TYPE ebpf_exporter_latency_seconds histogram
                ebpf_exporter_latency_seconds_bucket{device="sda",le="1e-06"} 1
                ebpf_exporter_latency_seconds_bucket{device="sda",le="0.000128"} 3
                ebpf_exporter_latency_seconds_bucket{device="sda",le="1.048576"} 6
                ebpf_exporter_latency_seconds_bucket{device="sda",le="1.048576e+06"} 10
                ebpf_exporter_latency_seconds_bucket{device="sda",le="+Inf"} 10
                ebpf_exporter_latency_seconds_sum 0.5
                ebpf_exporter_latency_seconds_count 10
                """.replace("_sum 0.5", "_sum{device=\"sda\"} 0.5").replace("_count 10", "_count{device=\"sda\"} 10"),
                text(histogram));
    }

    @Test
    void gaugesAndUntypedWithoutLabels() throws IOException {
        assertEquals("""
                # HELP a_gauge A gauge
                # TYPE a_gauge gauge
                a_gauge 0.30000000000000004
                # HELP b_untyped An untyped
                # TYPE b_untyped untyped
                b_untyped 1e+06
                """, text(
                UnknownSnapshot.builder().name("b_untyped").help("An untyped").dataPoint(
                        UnknownSnapshot.UnknownDataPointSnapshot.builder().value(1e6).build()).build(),
                GaugeSnapshot.builder().name("a_gauge").help("A gauge").dataPoint(
                        GaugeSnapshot.GaugeDataPointSnapshot.builder().value(0.1 + 0.2).build()).build()));
    }

    @Test
    void escapesHelpAndLabelValues() throws IOException {
        assertEquals("""
                # HELP esc A \\\\ help\\nwith "quotes"
                # TYPE esc gauge
                esc{path="C:\\\\x \\"q\\"\\nnext"} 1
                """, text(GaugeSnapshot.builder().name("esc").help("A \\ help\nwith \"quotes\"").dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("path", "C:\\x \"q\"\nnext"))
                        .value(1).build()).build()));
    }

    @Test
    void familiesWithoutSamplesAreLeftOut() throws IOException {
        assertEquals("", text(new VerbatimCounterSnapshot("ebpf_exporter_empty", "Empty", List.of())));
    }

    @Test
    void seriesAreSortedByLabelValuesAsCodePoints() throws IOException {
        String text = text(new VerbatimCounterSnapshot("c", "h", List.of(
                counter(1, "k", "\uD83D\uDE00"), counter(2, "k", "\uFF21"), counter(3, "k", "B"), counter(4, "k", "a"))));
        assertEquals("""
                # HELP c h
                # TYPE c counter
                c{k="B"} 3
                c{k="a"} 4
                c{k="\uFF21"} 2
                c{k="\uD83D\uDE00"} 1
                """, text);
    }

    private static CounterDataPointSnapshot counter(double value, String... labels) {
        return CounterDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build();
    }

    private static String text(MetricSnapshot... snapshots) throws IOException {
        return text(MetricSnapshots.of(snapshots));
    }

    private static String text(MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GoTextFormat.write(out, snapshots);
        return out.toString(StandardCharsets.UTF_8);
    }
}
