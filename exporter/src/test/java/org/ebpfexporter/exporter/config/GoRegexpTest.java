package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.PatternSyntaxException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Patterns within Go's limits compile; those beyond fail at once instead of exhausting the JVM. */
class GoRegexpTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @ParameterizedTest
    @ValueSource(strings = {"^systemd-journal$", "^(kworker)/[0-9]+", "(?:a{1000}){100}", "[]a]{3}", "\\Q((((\\E",
            "\\p{Greek}+", "a{,5}", "[[:alpha:]]{2,1000}"})
    void compilesPatternsWithinTheLimits(String regexp) {
        assertEquals(regexp, GoRegexp.compile(regexp).pattern());
    }

    @Test
    void refusesNestedRepetitionsThatExpandBeyondTheLimit() {
        assertEquals("expression too large", refused("((a{1000}){1000}){1000}"));
        assertEquals("expression too large", refused("(?:(?:[a-z]{100}){100}){101}"));
    }

    @Test
    void refusesDeepNesting() {
        assertEquals("expression nests too deeply", refused("(".repeat(30_000) + ")".repeat(30_000)));
        assertEquals("expression nests too deeply", refused("(".repeat(501) + "a" + ")*".repeat(501)));
    }

    @Test
    void deepestAllowedNestingCompiles() {
        String regexp = "(".repeat(500) + "a" + ")*".repeat(500);
        assertTrue(GoRegexp.compile(regexp).matcher("aaa").find());
    }

    private static String refused(String regexp) {
        return assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(PatternSyntaxException.class, () -> GoRegexp.compile(regexp))).getDescription();
    }
}
