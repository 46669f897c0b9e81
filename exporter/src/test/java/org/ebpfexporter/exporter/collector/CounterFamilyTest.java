package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.exporter.exposition.GoTextFormat;
import org.junit.jupiter.api.Test;

/** Served names equal config names in the default format; client_java's writers add {@code _total}. */
class CounterFamilyTest {
    @Test
    void totalNameIsServedAsCounterVerbatim() throws IOException {
        String expected = """
                # HELP timer_starts_total Timers
                # TYPE timer_starts_total counter
                timer_starts_total{function="pipe_lock"} 37
                """;
        assertEquals(expected, goText("timer_starts_total", "Timers"));
        assertEquals(expected.replace(" 37", " 37.0"), clientJavaText("timer_starts_total", "Timers"));
    }

    @Test
    void otherNamesAreServedAsCounterVerbatim() throws IOException {
        assertEquals("""
                # HELP oom_kills OOM kills
                # TYPE oom_kills counter
                oom_kills{function="pipe_lock"} 37
                """, goText("oom_kills", "OOM kills"));
        assertEquals("""
                # HELP oom_kills_total OOM kills
                # TYPE oom_kills_total counter
                oom_kills_total{function="pipe_lock"} 37.0
                """, clientJavaText("oom_kills", "OOM kills"));
    }

    private static MetricSnapshots snapshots(String name, String help) {
        return MetricSnapshots.of(CounterFamily.snapshot(name, help,
                new String[] {"function"}, Map.of(List.of("pipe_lock"), 37.0)));
    }

    private static String goText(String name, String help) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GoTextFormat.write(out, snapshots(name, help));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String clientJavaText(String name, String help) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, snapshots(name, help));
        return out.toString(StandardCharsets.UTF_8);
    }
}
