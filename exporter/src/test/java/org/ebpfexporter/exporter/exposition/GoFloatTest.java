package org.ebpfexporter.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every row of the acceptance table of Go's float spelling, and the cases Java spells differently. */
class GoFloatTest {
    @TestFactory
    List<DynamicTest> matchesGoForEveryAcceptanceRow() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                GoFloatTest.class.getResourceAsStream("/acceptance/go-float-format.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t");
                double value = Double.parseDouble(columns[0].replace("inf", "Infinity"));
                String expected = columns[1];
                tests.add(DynamicTest.dynamicTest(columns[0] + " -> " + expected,
                        () -> assertEquals(expected, GoFloat.format(value))));
            }
        }
        assertEquals(60, tests.size());
        return tests;
    }

    @Test
    void specialValues() {
        assertEquals("-Inf", GoFloat.format(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", GoFloat.format(Double.NaN));
        assertEquals("-0", GoFloat.format(-0.0));
        assertEquals("-1.5", GoFloat.format(-1.5));
        assertEquals("-1e-06", GoFloat.format(-1e-6));
    }

    @Test
    void keepsOneDigitWhereJavaPrintsTwo() {
        // Double.toString gives 4.9E-324 and 9.9E-324 here.
        assertEquals("5e-324", GoFloat.format(Double.MIN_VALUE));
        assertEquals("1e-323", GoFloat.format(2 * Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", GoFloat.format(Double.MAX_VALUE));
    }

    @Test
    void exponentFormBoundaries() {
        assertEquals("999999", GoFloat.format(999999));
        assertEquals("1.234567e+06", GoFloat.format(1234567));
        assertEquals("0.00012", GoFloat.format(0.00012));
        assertEquals("1.2e-05", GoFloat.format(0.000012));
        assertEquals("1e+100", GoFloat.format(1e100));
        assertEquals("1.8446744073709552e+19", GoFloat.format(18446744073709551615.0));
    }
}
