package org.ebpfexporter.exporter.collector;

import java.util.List;
import org.ebpfexporter.exporter.config.Label;

/**
 * A metric's labels split into those decoded from the map key and, for per-CPU maps, the CPU
 * label. As upstream does, a per-CPU map whose last label is named {@code cpu} is served with one
 * series per CPU: that label takes the CPU index (encoded little-endian in its {@code size}
 * bytes and run through its decoders) and is not part of the key. Without it the CPUs are summed.
 * For a histogram the bucket label is then the last key label, just before {@code cpu}.
 *
 * @param keyLabels labels decoded from the key, in key order
 * @param cpuLabel  the per-CPU label, or {@code null} when values are summed over CPUs
 */
public record TableLabels(List<Label> keyLabels, Label cpuLabel) {
    /** The name of the label that splits per-CPU values into one series per CPU. */
    public static final String CPU = "cpu";

    /** Copies. */
    public TableLabels {
        keyLabels = List.copyOf(keyLabels);
    }

    /** Splits a metric's labels for a map that is or is not per-CPU. */
    public static TableLabels of(List<Label> labels, boolean perCpu) {
        if (perCpu && !labels.isEmpty() && labels.getLast().name().equals(CPU)) {
            return new TableLabels(labels.subList(0, labels.size() - 1), labels.getLast());
        }
        return new TableLabels(labels, null);
    }

    /** The key bytes the key labels cover, padding included. */
    public int keySize() {
        return keyLabels.stream().mapToInt(Label::span).sum();
    }
}
