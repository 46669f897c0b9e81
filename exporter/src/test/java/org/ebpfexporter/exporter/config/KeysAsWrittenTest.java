package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** static_map keys stay as written, as Go's map[string]string decoding keeps them. */
class KeysAsWrittenTest {
    @Test
    void keepsKeyText() {
        Config config = new ConfigLoader(Set.of("uint", "static_map")).parse("c", "c.yaml", """
                metrics:
                  counters:
                    - name: x_total
                      help: h
                      labels:
                        - name: op
                          size: 8
                          decoders:
                            - name: uint
                            - name: static_map
                              static_map:
                                1: one
                                010: ten
                                0x1f: hex
                                true: yes
                """);
        assertEquals(Map.of("1", "one", "010", "ten", "0x1f", "hex", "true", "true"),
                config.metrics().counters().get(0).labels().get(0).decoders().get(1).staticMap());
    }
}
