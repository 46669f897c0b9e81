package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebpfexporter.exporter.decoder.StaticMapDecoder;
import org.junit.jupiter.api.Test;

/**
 * Upstream reads {@code static_map} into a Go {@code map[string]string} with gopkg.in/yaml.v2,
 * which keeps every scalar as written; a YAML 1.1 constructor would turn {@code 010} into 8,
 * {@code 0x1f} into 31 and {@code yes} into true, and the lookups would then differ.
 */
class StaticMapKeysTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Set.of("uint", "static_map"));

    @Test
    void keysAndValuesAreTheScalarsAsWritten() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("1", "one");
        expected.put("010", "octal-looking");
        expected.put("0x1f", "hex-looking");
        expected.put("1_000", "underscored");
        expected.put("yes", "yes-key");
        expected.put("1:30", "sexagesimal-looking");
        expected.put("2.50", "2.50");
        expected.put("3", "010");
        expected.put("4", "");
        assertEquals(expected, staticMap());
    }

    @Test
    void lookupByThePreviousDecodersOutputMatchesUpstream() throws Exception {
        StaticMapDecoder decoder = new StaticMapDecoder(staticMap(), false);
        assertEquals("one", decoder.decode("1"));
        assertEquals("unknown:8", decoder.decode("8"));
        assertEquals("octal-looking", decoder.decode("010"));
        assertEquals("unknown:31", decoder.decode("31"));
        assertEquals("unknown:90", decoder.decode("90"));
        assertEquals("010", decoder.decode("3"));
    }

    private static Map<String, String> staticMap() {
        Config config = LOADER.parse("c", "c.yaml", """
                metrics:
                  counters:
                    - name: x_total
                      help: h
                      labels:
                        - name: a
                          size: 8
                          decoders:
                            - name: uint
                            - name: static_map
                              static_map:
                                1: one
                                010: octal-looking
                                0x1f: hex-looking
                                1_000: underscored
                                yes: yes-key
                                1:30: sexagesimal-looking
                                2.50: 2.50
                                3: 010
                                4: ~
                """);
        List<DecoderSpec> decoders = config.metrics().counters().getFirst().labels().getFirst().decoders();
        return decoders.get(1).staticMap();
    }
}
