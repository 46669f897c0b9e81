package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "1s, 1000000000", "1m30s, 90000000000", "500ms, 500000000", "1.5h, 5400000000000",
            "2us, 2000", "-1s, -1000000000"})
    void parsesLikeGo(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "s", "1x", "1s2", "one"})
    void rejectsInvalid(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
    }
}
