package org.ebpfexporter.exporter.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One decoder of a label's chain, as configured.
 *
 * @param name         decoder name, such as {@code ksym} or {@code static_map}
 * @param staticMap    values for {@code static_map}
 * @param allowUnknown for {@code static_map}: pass unmapped values through instead of {@code unknown:V}
 * @param regexps      patterns for {@code regexp}
 */
public record DecoderSpec(String name, Map<String, String> staticMap, boolean allowUnknown, List<String> regexps) {
    /** Validates and copies. */
    public DecoderSpec {
        Objects.requireNonNull(name, "name");
        staticMap = Map.copyOf(staticMap);
        regexps = List.copyOf(regexps);
    }

    /** A decoder without options. */
    public static DecoderSpec of(String name) {
        return new DecoderSpec(name, Map.of(), false, List.of());
    }
}
