package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingTest {
    private static final Set<String> KNOWN = Set.of("name", "help", "labels", "perf_event_array", "flush_interval");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            nmae,      1, name
            hlep,      1, help
            helpp,     1, help
            lables,    1, labels
            label,     1, labels
            lbl,       3, ''
            flush_interval, 0, flush_interval
            perf_events_array, 1, perf_event_array
            """)
    void suggestsWithinTwoEdits(String typo, int distanceToBest, String expected) {
        assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), Spelling.closest(typo, KNOWN));
        if (!expected.isEmpty()) {
            assertEquals(distanceToBest, Spelling.distance(typo, expected));
        }
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(textBlock = """
            abc, abc, 0
            abc, acb, 1
            abc, '',  3
            kitten, sitting, 3
            ca, abc, 3
            """)
    void optimalStringAlignmentDistance(String a, String b, int distance) {
        assertEquals(distance, Spelling.distance(a, b));
    }
}
