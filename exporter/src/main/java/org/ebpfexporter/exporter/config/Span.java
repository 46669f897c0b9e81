package org.ebpfexporter.exporter.config;

import java.util.List;
import java.util.Objects;

/**
 * One kind of trace span read from a ring buffer (upstream's {@code tracing.spans}).
 *
 * @param name    span name; empty when not configured
 * @param ringbuf the ring buffer map the spans arrive through
 * @param service the service name spans are reported under; empty when not configured
 * @param labels  how to decode the span's attributes
 */
public record Span(String name, String ringbuf, String service, List<Label> labels) {
    /** Validates and copies. */
    public Span {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ringbuf, "ringbuf");
        Objects.requireNonNull(service, "service");
        labels = List.copyOf(labels);
    }
}
