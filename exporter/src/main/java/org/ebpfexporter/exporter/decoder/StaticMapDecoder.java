package org.ebpfexporter.exporter.decoder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code static_map}: the configured value for the input, or {@code unknown:INPUT} (the input itself with {@code allow_unknown}). */
public final class StaticMapDecoder implements Decoder {
    private final Map<String, String> values;
    private final boolean allowUnknown;

    /**
     * @param values       input text to label value
     * @param allowUnknown pass unmapped inputs through unchanged
     */
    public StaticMapDecoder(Map<String, String> values, boolean allowUnknown) {
        this.values = Map.copyOf(values);
        this.allowUnknown = allowUnknown;
    }

    @Override
    public String decode(byte[] input, int offset, int length) {
        String key = new String(input, offset, length, StandardCharsets.UTF_8);
        String value = values.get(key);
        if (value != null) {
            return value;
        }
        return allowUnknown ? key : "unknown:" + key;
    }
}
