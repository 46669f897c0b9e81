package org.ebpfexporter.exporter.config;

import java.util.List;

/**
 * The {@code tracing} section of a config: kept in the model, not exported yet.
 *
 * @param spans the span kinds
 */
public record Tracing(List<Span> spans) {
    /** No tracing. */
    public static final Tracing NONE = new Tracing(List.of());

    /** Copies the list. */
    public Tracing {
        spans = List.copyOf(spans);
    }
}
