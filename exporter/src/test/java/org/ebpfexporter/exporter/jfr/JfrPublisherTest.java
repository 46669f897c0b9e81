package org.ebpfexporter.exporter.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JfrPublisherTest {
    @Test
    void capMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JfrSettings(true, 0));
        assertEquals("jfr.max-events-per-period must be at least 1, got 0", e.getMessage());
    }
}
