package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Served names equal config names, whatever client_java does with {@code _total}. */
class CounterFamilyTest {
    @Test
    void totalNameIsServedAsCounterVerbatim() throws IOException {
        assertEquals("""
                # HELP timer_starts_total Timers
                # TYPE timer_starts_total counter
                timer_starts_total{function="pipe_lock"} 37.0
                """, text("timer_starts_total", "Timers"));
    }

    @Test
    void otherNamesAreServedVerbatimUntyped() throws IOException {
        assertEquals("""
                # HELP oom_kills OOM kills
                # TYPE oom_kills untyped
                oom_kills{function="pipe_lock"} 37.0
                """, text("oom_kills", "OOM kills"));
    }

    private static String text(String name, String help) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, MetricSnapshots.of(CounterFamily.snapshot(name, help,
                new String[] {"function"}, Map.of(List.of("pipe_lock"), 37.0))));
        return out.toString(StandardCharsets.UTF_8);
    }
}
