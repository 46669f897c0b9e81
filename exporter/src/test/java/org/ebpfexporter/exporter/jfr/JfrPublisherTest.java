package org.ebpfexporter.exporter.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JfrPublisherTest {
    @Test
    void configuredMetricsBelongToTheirConfigAndTheRestToTheExporter() {
        Map<String, String> configs = Map.of("ebpf_exporter_timer_starts_total", "timers");
        assertEquals("timers", JfrPublisher.configOf(configs, "ebpf_exporter_timer_starts_total"));
        assertEquals("exporter", JfrPublisher.configOf(configs, "ebpf_exporter_decoder_errors_total"));
    }

    @Test
    void capMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JfrSettings(true, 0));
        assertEquals("jfr.max-events-per-period must be at least 1, got 0", e.getMessage());
    }
}
