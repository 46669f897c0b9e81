package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Set.of("uint", "ksym", "static_map", "string"));

    @Test
    void readsUpstreamCounterConfig() {
        Config config = LOADER.parse("timers", "timers.yaml", """
                metrics:
                  counters:
                    - name: timer_starts_total
                      help: Timers fired in the kernel
                      labels:
                        - name: function
                          size: 8
                          decoders:
                            - name: ksym
                        - name: op
                          size: 1
                          padding: 7
                          decoders:
                            - name: uint
                            - name: static_map
                              allow_unknown: true
                              static_map:
                                1: read
                                2: write
                kaddrs:
                  - jiffies
                """);
        Counter counter = config.metrics().counters().getFirst();
        assertEquals("timers", config.name());
        assertEquals(List.of("jiffies"), config.kaddrs());
        assertEquals("timer_starts_total", counter.name());
        assertEquals(16, counter.keySize());
        Label op = counter.labels().get(1);
        assertEquals(new DecoderSpec("static_map", Map.of("1", "read", "2", "write"), true, List.of()),
                op.decoders().get(1));
        assertEquals(7, op.padding());
    }

    @Test
    void readsFlushIntervalAsGoDuration() {
        Config config = LOADER.parse("c", "c.yaml", """
                metrics:
                  counters:
                    - name: events_total
                      help: h
                      perf_event_array: true
                      flush_interval: 1m30s
                      labels: [{name: a, size: 4, decoders: [{name: uint}]}]
                """);
        Counter counter = config.metrics().counters().getFirst();
        assertEquals(Duration.ofSeconds(90), counter.flushInterval());
        assertEquals(true, counter.perfEventArray());
    }

    @Test
    void readsHistograms() {
        Config config = LOADER.parse("h", "h.yaml", """
                metrics:
                  histograms:
                    - name: latency_seconds
                      help: h
                      bucket_type: exp2
                      bucket_multiplier: 0.000001
                      bucket_min: 0
                      bucket_max: 26
                      labels: [{name: bucket, size: 8, decoders: [{name: uint}]}]
                """);
        Histogram histogram = config.metrics().histograms().getFirst();
        assertEquals(BucketType.EXP2, histogram.bucketType());
        assertEquals(26, histogram.bucketMax());
        assertEquals(1e-6, histogram.bucketMultiplier());
    }

    @Test
    void emptyFileHasNoMetrics() {
        assertEquals(List.of(), LOADER.parse("e", "e.yaml", "").metrics().counters());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing name     | help: h                                    | c.yaml: metrics.counters[0].name: missing
            missing help     | name: x_total                              | c.yaml: counter x_total: help: missing
            unknown field    | {name: x_total, help: h, table: t}         | c.yaml: counter x_total: table: unknown field (known: flush_interval, help, labels, name, perf_event_array)
            bad name         | {name: x-y, help: h}                       | c.yaml: metrics.counters[0].name: "x-y" is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
            unknown decoder  | {name: x_total, help: h, labels: [{name: a, size: 8, decoders: [{name: nope}]}]} | c.yaml: counter x_total: labels[0].decoders[0].name: unknown decoder "nope" (known: ksym, static_map, string, uint)
            no decoders      | {name: x_total, help: h, labels: [{name: a, size: 8}]} | c.yaml: counter x_total: labels[0].decoders: missing (at least one decoder is needed)
            missing size     | {name: x_total, help: h, labels: [{name: a, decoders: [{name: uint}]}]} | c.yaml: counter x_total: labels[0].size: missing
            zero size        | {name: x_total, help: h, labels: [{name: a, size: 0, decoders: [{name: uint}]}]} | c.yaml: counter x_total: labels[0].size: must be positive, got 0
            size not number  | {name: x_total, help: h, labels: [{name: a, size: big, decoders: [{name: uint}]}]} | c.yaml: counter x_total: labels[0].size: expected an integer, got "big"
            bad duration     | {name: x_total, help: h, flush_interval: soon} | c.yaml: counter x_total: flush_interval: invalid duration "soon" (examples: 30s, 1m, 500ms)
            """)
    void rejectsInvalidCounters(String what, String counter, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse("c", "c.yaml",
                "metrics:\n  counters:\n    - " + counter + "\n"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void rejectsUnknownTopLevelField() {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse("c", "c.yaml", "programs: []\n"));
        assertEquals("c.yaml: programs: unknown field (known: cgroup_id_map, kaddrs, metrics, tracing)", e.getMessage());
    }

    @Test
    void rejectsDuplicateKeysAndBadYamlOnOneLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse("c", "c.yaml",
                "metrics: {}\nmetrics: {}\n"));
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(true, e.getMessage().startsWith("c.yaml:2:1: invalid YAML: "), e.getMessage());
    }

    @Test
    void rejectsDuplicateMetricNames() {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse("c", "c.yaml", """
                metrics:
                  counters:
                    - {name: x_total, help: h}
                    - {name: x_total, help: h}
                """));
        assertEquals("c.yaml: metrics: metric \"x_total\" is defined twice", e.getMessage());
    }

    @Test
    void rejectsUnknownBucketType() {
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse("c", "c.yaml", """
                metrics:
                  histograms:
                    - {name: h, help: h, bucket_type: log, labels: [{name: b, size: 8, decoders: [{name: uint}]}]}
                """));
        assertEquals("c.yaml: histogram h: bucket_type: unknown bucket type \"log\" (known: exp2, exp2zero, fixed, linear)",
                e.getMessage());
    }

    @Test
    void loadsNameDotYamlFromDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), "metrics: {counters: []}\n");
        assertEquals("mine", LOADER.load(dir, "mine").name());
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(dir, "other"));
        assertEquals(dir.resolve("other.yaml") + ": no such file", e.getMessage());
    }
}
