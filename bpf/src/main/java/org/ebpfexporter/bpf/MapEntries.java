package org.ebpfexporter.bpf;

import org.ebpfexporter.bpf.internal.EntryBuffer;

/**
 * A reusable off-heap buffer holding the entries of one map read: raw key bytes and raw values.
 * Values of per-CPU maps hold one slot per possible CPU, each rounded up to 8 bytes. Reading into
 * the same buffer again replaces its contents, so a scrape path allocates nothing per entry.
 */
public final class MapEntries {
    private final int keySize;
    private final int valueSize;
    private final int cpus;
    private final int slotSize;
    private final int capacity;
    final EntryBuffer buffer;
    int count;

    MapEntries(int keySize, int valueSize, boolean perCpu, int possibleCpus, int capacity) {
        this.keySize = keySize;
        this.valueSize = valueSize;
        this.cpus = perCpu ? possibleCpus : 1;
        this.slotSize = perCpu ? roundUp8(valueSize) : valueSize;
        this.capacity = capacity;
        this.buffer = new EntryBuffer(keySize, entryValueSize(), capacity);
    }

    /** How many entries the last read returned. */
    public int count() {
        return count;
    }

    /** How many entries fit (the map's max entries). */
    public int capacity() {
        return capacity;
    }

    /** Bytes per key. */
    public int keySize() {
        return keySize;
    }

    /** Bytes per value (per CPU for per-CPU maps). */
    public int valueSize() {
        return valueSize;
    }

    /** Value slots per entry: the possible CPUs for per-CPU maps, else 1. */
    public int cpus() {
        return cpus;
    }

    /** A copy of the i-th key. */
    public byte[] key(int i) {
        byte[] key = new byte[keySize];
        copyKey(i, key, 0);
        return key;
    }

    /** Copies the i-th key into {@code target} at {@code offset}. */
    public void copyKey(int i, byte[] target, int offset) {
        checkIndex(i);
        buffer.copyKey(i, target, offset);
    }

    /** A byte of the i-th key. */
    public byte keyByte(int i, int offset) {
        checkIndex(i);
        return buffer.keyByte(i, offset);
    }

    /** The i-th value (of CPU slot {@code cpu}) read as a native-endian u64; values must be 8 bytes. */
    public long u64(int i, int cpu) {
        checkIndex(i);
        return buffer.u64(i, (long) cpu * slotSize);
    }

    /** The i-th value as a u64, summed over CPUs for per-CPU maps. */
    public long u64(int i) {
        long sum = 0;
        for (int cpu = 0; cpu < cpus; cpu++) {
            sum += u64(i, cpu);
        }
        return sum;
    }

    /** A copy of the i-th value's raw bytes for CPU slot {@code cpu}. */
    public byte[] value(int i, int cpu) {
        checkIndex(i);
        byte[] value = new byte[valueSize];
        buffer.copyValue(i, (long) cpu * slotSize, value);
        return value;
    }

    private int entryValueSize() {
        return slotSize * cpus;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + count);
        }
    }

    private static int roundUp8(int size) {
        return (size + 7) & ~7;
    }
}
