package org.ebpfexporter.exporter.config;

import java.util.List;
import java.util.Objects;

/**
 * A label: a slice of the map key and the decoders that turn it into the label value.
 *
 * @param name     label name
 * @param size     bytes of the key decoded
 * @param padding  bytes skipped after them (alignment in the C struct)
 * @param decoders decoder chain: the first gets the raw bytes, each next one the previous output
 */
public record Label(String name, int size, int padding, List<DecoderSpec> decoders) {
    /** Validates and copies. */
    public Label {
        Objects.requireNonNull(name, "name");
        decoders = List.copyOf(decoders);
    }

    /** Key bytes this label occupies: its size plus padding. */
    public int span() {
        return size + padding;
    }
}
