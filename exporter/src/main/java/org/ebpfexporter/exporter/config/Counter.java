package org.ebpfexporter.exporter.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A counter: the map of the same name holds one u64 per key; labels decode the key.
 *
 * @param name           metric name, also the map name; served verbatim
 * @param help           help text
 * @param labels         how to decode the key, in key order
 * @param perfEventArray whether increments arrive through a perf event array instead of a map
 * @param flushInterval  for perf event array counters, how often to reset them; {@code null} if never
 */
public record Counter(String name, String help, List<Label> labels, boolean perfEventArray, Duration flushInterval) {
    /** Validates and copies. */
    public Counter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        labels = List.copyOf(labels);
    }

    /** The number of key bytes the labels cover, padding included. */
    public int keySize() {
        return labels.stream().mapToInt(Label::span).sum();
    }
}
