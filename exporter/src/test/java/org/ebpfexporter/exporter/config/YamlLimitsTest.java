package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile YAML fails fast, with one line, instead of taking the exporter's time and memory. */
class YamlLimitsTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Set.of("uint"));
    /** Each of these took seconds and hundreds of MiB before the limits; failing takes no time. */
    private static final Duration FAST = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void fileOverOneMebibyteIsNotParsed() throws Exception {
        Files.writeString(dir.resolve("big.yaml"),
                "metrics:\n  counters:\n" + "    - {name: x, help: y}\n".repeat(2 << 20));
        assertEquals(dir.resolve("big.yaml") + ": larger than 1048576 bytes", failure(() -> LOADER.load(dir, "big")));
    }

    @Test
    void fourMegabyteStringIsRefusedAtOnce() throws Exception {
        Files.writeString(dir.resolve("long.yaml"), "metrics:\n  counters:\n    - name: x\n      help: \""
                + "a".repeat(4 << 20) + "\"\n");
        assertEquals(dir.resolve("long.yaml") + ": larger than 1048576 bytes", failure(() -> LOADER.load(dir, "long")));
    }

    @Test
    void longLineWithinTheFileBoundIsRefused() {
        String yaml = "metrics:\n  counters:\n    - name: x\n      help: \"" + "a".repeat(1000 << 10) + "\"\n";
        assertEquals("c.yaml:4: line longer than 65536 characters", failure(() -> parse(yaml)));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        yaml.append("kaddrs: *a9\n");
        String message = failure(() -> parse(yaml.toString()));
        assertTrue(message.startsWith("c.yaml:"), message);
        assertTrue(message.contains(
                "invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50"), message);
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "metrics: " + "[".repeat(40) + "]".repeat(40) + "\n";
        assertEquals("c.yaml: invalid YAML: Nesting Depth exceeded max 32", failure(() -> parse(yaml)));
    }

    @Test
    void invalidUtf8IsNamedWithItsPosition() {
        byte[] yaml = "metrics: {}\n# \u00e9\n".getBytes(StandardCharsets.UTF_8);
        yaml[yaml.length - 2] = (byte) 0xff;
        assertEquals("c.yaml: not valid UTF-8 (at byte 14)", failure(() -> LOADER.parse("c", "c.yaml", yaml)));
    }

    @Test
    void badlyTaggedScalarIsAConfigError() {
        String message = failure(() -> parse("metrics:\n  counters:\n    - name: x\n      help: h\n"
                + "      perf_event_array: !!int nope\n"));
        assertTrue(message.startsWith("c.yaml: counter x: perf_event_array: invalid value nope: "), message);
    }

    @Test
    void multiLineValueIsQuotedOnOneLine() {
        assertEquals("c.yaml: metrics: expected a mapping, got \"first\\nsecond\"",
                failure(() -> parse("metrics: \"first\\nsecond\"\n")));
    }

    private static void parse(String yaml) {
        LOADER.parse("c", "c.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(org.junit.jupiter.api.function.Executable load) {
        String message = assertTimeoutPreemptively(FAST, () -> assertThrows(ConfigException.class, load)).getMessage();
        assertEquals(1, message.lines().count(), message);
        return message;
    }
}
