package org.ebpfexporter.exporter.collector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.ebpfexporter.exporter.config.Label;
import org.ebpfexporter.exporter.decoder.DecoderRegistry;

/** Map rows built in memory: keys of little-endian u32 fields and per-CPU u64 values. */
final class FakeRows implements TableRows {
    private final int cpus;
    private final List<byte[]> keys = new ArrayList<>();
    private final List<long[]> values = new ArrayList<>();

    FakeRows(int cpus) {
        this.cpus = cpus;
    }

    /** Adds a row whose key is the given u32 fields and whose values are one per CPU. */
    FakeRows row(int[] key, long... perCpu) {
        ByteBuffer bytes = ByteBuffer.allocate(key.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int field : key) {
            bytes.putInt(field);
        }
        keys.add(bytes.array());
        values.add(perCpu.clone());
        return this;
    }

    @Override
    public int count() {
        return keys.size();
    }

    @Override
    public int cpus() {
        return cpus;
    }

    @Override
    public void copyKey(int i, byte[] target) {
        System.arraycopy(keys.get(i), 0, target, 0, target.length);
    }

    @Override
    public long u64(int i, int cpu) {
        return values.get(i)[cpu];
    }

    /** A u32 label decoded by {@code uint}, and optionally mapped by a {@code static_map}. */
    static Label label(String name, Map<String, String> staticMap) {
        List<DecoderSpec> decoders = new ArrayList<>(List.of(new DecoderSpec("uint", Map.of(), false, List.of())));
        if (!staticMap.isEmpty()) {
            decoders.add(new DecoderSpec("static_map", staticMap, false, List.of()));
        }
        return new Label(name, 4, 0, decoders);
    }

    /** A table over these rows. */
    static MapTable table(List<Label> labels, boolean perCpu, DecoderErrors errors, Supplier<TableRows> rows) {
        return new MapTable("test", "metric", TableLabels.of(labels, perCpu), new DecoderRegistry(() -> {
            throw new AssertionError("no kallsyms in unit tests");
        }), errors, rows);
    }
}
