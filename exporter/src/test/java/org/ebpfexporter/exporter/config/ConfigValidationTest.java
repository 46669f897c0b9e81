package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One exact message per validation problem. */
class ConfigValidationTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Set.of("uint", "static_map", "string", "regexp"));
    private static final String LABEL = "labels: [{name: b, size: 8, decoders: [{name: uint}]}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            label name invalid  | [{name: 1a, size: 8, decoders: [{name: uint}]}] | c.yaml: counter x_total: labels[0].name: "1a" is not a valid Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)
            label name reserved | [{name: __a, size: 8, decoders: [{name: uint}]}] | c.yaml: counter x_total: labels[0].name: "__a" starts with __, which Prometheus reserves for internal use
            label duplicate     | [{name: a, size: 4, decoders: [{name: uint}]}, {name: a, size: 4, decoders: [{name: uint}]}] | c.yaml: counter x_total: labels[1].name: duplicate label "a"
            negative padding    | [{name: a, size: 4, padding: -1, decoders: [{name: uint}]}] | c.yaml: counter x_total: labels[0].padding: must not be negative, got -1
            static_map no map   | [{name: a, size: 4, decoders: [{name: uint}, {name: static_map}]}] | c.yaml: counter x_total: labels[0].decoders[1].static_map: missing (the static_map decoder needs a mapping of input to label value)
            regexp no regexps   | [{name: a, size: 4, decoders: [{name: string}, {name: regexp}]}] | c.yaml: counter x_total: labels[0].decoders[1].regexps: missing (the regexp decoder needs at least one pattern)
            regexp not RE2      | [{name: a, size: 4, decoders: [{name: string}, {name: regexp, regexps: ['^ok$', '(?<=x)y']}]}] | c.yaml: counter x_total: labels[0].decoders[1].regexps[1]: invalid regexp "(?<=x)y": invalid named capture
            unknown decoder     | [{name: a, size: 4, decoders: [{name: unit}]}] | c.yaml: counter x_total: labels[0].decoders[0].name: unknown decoder "unit", did you mean "uint"? (known: regexp, static_map, string, uint)
            unknown label field | [{name: a, sise: 4, decoders: [{name: uint}]}] | c.yaml: counter x_total: labels[0].sise: unknown field, did you mean "size"? (known: decoders, name, padding, size)
            decoder option typo | [{name: a, size: 4, decoders: [{name: static_map, statc_map: {1: a}}]}] | c.yaml: counter x_total: labels[0].decoders[0].statc_map: unknown field, did you mean "static_map"? (known: allow_unknown, name, regexps, static_map)
            """)
    void rejectsInvalidLabels(String what, String labels, String message) {
        assertEquals(message, failure("metrics:\n  counters:\n    - {name: x_total, help: h, labels: " + labels + "}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing help       | bucket_type: exp2, bucket_max: 3                 | c.yaml: histogram h: help: missing
            unknown type       | help: h, bucket_type: log2                       | c.yaml: histogram h: bucket_type: unknown bucket type "log2" (known: exp2, exp2zero, fixed, linear)
            max below min      | help: h, bucket_type: exp2, bucket_min: 5, bucket_max: 3 | c.yaml: histogram h: bucket_max: 3 is below bucket_min 5, which leaves no buckets
            negative min       | help: h, bucket_type: linear, bucket_min: -1, bucket_max: 3 | c.yaml: histogram h: bucket_min: must not be negative, got -1
            too many buckets   | help: h, bucket_type: linear, bucket_max: 100000 | c.yaml: histogram h: bucket_max: bucket_min 0 to bucket_max 100000 makes 100001 buckets, more than 10000
            empty range        | help: h, bucket_type: linear, bucket_min: 3, bucket_max: 3 | c.yaml: histogram h: bucket_max: equals bucket_min 3, the range has zero size
            exp2 overflow      | help: h, bucket_type: exp2, bucket_max: 1100     | c.yaml: histogram h: bucket_max: the upper bound of bucket 1025 overflows a double
            negative factor    | help: h, bucket_type: exp2, bucket_max: 3, bucket_multiplier: -1 | c.yaml: histogram h: bucket_multiplier: must be a positive number, got -1.0
            NaN factor         | help: h, bucket_type: exp2, bucket_max: 3, bucket_multiplier: .nan | c.yaml: histogram h: bucket_multiplier: must be a positive number, got NaN
            fixed without keys | help: h, bucket_type: fixed                      | c.yaml: histogram h: bucket_keys: missing (a fixed histogram needs its bucket keys)
            fixed not sorted   | help: h, bucket_type: fixed, bucket_keys: [1, 10, 5] | c.yaml: histogram h: bucket_keys: must increase, got 5 after 10
            fixed fraction     | help: h, bucket_type: fixed, bucket_keys: [1.5]  | c.yaml: histogram h: bucket_keys: 1.5 is not an unsigned integer (bucket label values are)
            bounds merge       | help: h, bucket_type: fixed, bucket_multiplier: 0.3, bucket_keys: [9007199254740990, 9007199254740991] | c.yaml: histogram h: bucket_keys: upper bounds do not ascend: 2.702159776422297E15 then 2.702159776422297E15 (bucket_multiplier too small?)
            field typo         | help: h, bucket_type: exp2, bucket_mux: 3        | c.yaml: histogram h: bucket_mux: unknown field, did you mean "bucket_max"? (known: bucket_keys, bucket_max, bucket_min, bucket_multiplier, bucket_type, help, labels, name)
            """)
    void rejectsInvalidHistograms(String what, String fields, String message) {
        assertEquals(message, failure("metrics:\n  histograms:\n    - {name: h, " + fields + ", " + LABEL + "}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing name   | {help: h}                  | c.yaml: metrics.counters[0].name: missing
            missing help   | {name: x_total}            | c.yaml: counter x_total: help: missing
            blank help     | {name: x_total, help: ''}  | c.yaml: counter x_total: help: missing
            invalid name   | {name: 'x total', help: h} | c.yaml: metrics.counters[0].name: "x total" is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
            """)
    void rejectsInvalidCounters(String what, String counter, String message) {
        assertEquals(message, failure("metrics:\n  counters:\n    - " + counter + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            top-level typo    | metrix: {}                          | c.yaml: metrix: unknown field, did you mean "metrics"? (known: cgroup_id_map, kaddrs, metrics, tracing)
            far from anything | programs: []                        | c.yaml: programs: unknown field (known: cgroup_id_map, kaddrs, metrics, tracing)
            metrics typo      | 'metrics: {counter: []}'            | c.yaml: metrics.counter: unknown field, did you mean "counters"? (known: counters, histograms)
            span no ringbuf   | 'tracing: {spans: [{name: s}]}'     | c.yaml: tracing.spans[0].ringbuf: missing
            span typo         | 'tracing: {spans: [{ringbuf: r, servce: x}]}' | c.yaml: tracing.spans[0].servce: unknown field, did you mean "service"? (known: labels, name, ringbuf, service)
            cgroup no name    | 'cgroup_id_map: {regexps: [x]}'     | c.yaml: cgroup_id_map.name: missing
            cgroup bad regexp | 'cgroup_id_map: {name: m, regexps: [''a('']}' | c.yaml: cgroup_id_map.regexps[0]: invalid regexp "a(": missing closing )
            """)
    void rejectsInvalidSections(String what, String yaml, String message) {
        assertEquals(message, failure(yaml + "\n"));
    }

    @Test
    void readsTracingAndCgroupIdMap() {
        Config config = LOADER.parse("c", "c.yaml", """
                tracing:
                  spans:
                    - name: exec
                      ringbuf: exec_spans
                      service: kernel
                      labels: [{name: pid, size: 4, decoders: [{name: uint}]}]
                cgroup_id_map:
                  name: cgroup_id_map_cgrp_storage
                  type: cgrp_storage
                  regexps:
                    - ^.*(system.slice/.*)$
                """);
        assertEquals(List.of(new Span("exec", "exec_spans", "kernel",
                List.of(new Label("pid", 4, 0, List.of(DecoderSpec.of("uint")))))), config.tracing().spans());
        assertEquals(Optional.of(new CgroupIdMap("cgroup_id_map_cgrp_storage", "cgrp_storage",
                List.of("^.*(system.slice/.*)$"))), config.cgroupIdMap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/b", "..", "."})
    void refusesNamesOutsideTheConfigDir(String name) {
        Path dir = Path.of("/configs");
        ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(dir, name));
        String reason = name.contains("/") ? "not a path (it contains a separator)" : "not a directory";
        assertEquals("/configs: config \"" + name + "\": a config name is a file name in --config.dir, " + reason,
                e.getMessage());
    }

    private static String failure(String yaml) {
        return assertThrows(ConfigException.class, () -> LOADER.parse("c", "c.yaml", yaml)).getMessage();
    }
}
