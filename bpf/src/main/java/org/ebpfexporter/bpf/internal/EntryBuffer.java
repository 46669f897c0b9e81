package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Off-heap room for the keys and values of one whole-map read, entry {@code i} at
 * {@code i * keySize} and {@code i * entryValueSize}; freed when no longer reachable.
 */
public final class EntryBuffer {
    private final int keySize;
    private final int entryValueSize;
    private final MemorySegment keys;
    private final MemorySegment values;

    /**
     * @param keySize        bytes per key
     * @param entryValueSize bytes per entry's value (all CPU slots of a per-CPU map)
     * @param capacity       entries
     */
    public EntryBuffer(int keySize, int entryValueSize, int capacity) {
        this.keySize = keySize;
        this.entryValueSize = entryValueSize;
        Arena arena = Arena.ofAuto();
        this.keys = arena.allocate(Math.max(1L, (long) keySize * capacity), 8);
        this.values = arena.allocate(Math.max(1L, (long) entryValueSize * capacity), 8);
    }

    /** Copies the key of entry {@code i} into {@code target} at {@code offset}. */
    public void copyKey(int i, byte[] target, int offset) {
        MemorySegment.copy(keys, JAVA_BYTE, (long) i * keySize, target, offset, keySize);
    }

    /** One byte of the key of entry {@code i}. */
    public byte keyByte(int i, int offset) {
        return keys.get(JAVA_BYTE, (long) i * keySize + offset);
    }

    /** The native-endian u64 at {@code offset} in the value of entry {@code i}. */
    public long u64(int i, long offset) {
        return values.get(JAVA_LONG_UNALIGNED, (long) i * entryValueSize + offset);
    }

    /** Copies {@code target.length} bytes at {@code offset} in the value of entry {@code i}. */
    public void copyValue(int i, long offset, byte[] target) {
        MemorySegment.copy(values, JAVA_BYTE, (long) i * entryValueSize + offset, target, 0, target.length);
    }

    MemorySegment key(int i) {
        return keys.asSlice((long) i * keySize, keySize);
    }

    MemorySegment value(int i) {
        return values.asSlice((long) i * entryValueSize, entryValueSize);
    }

    /** The keys from entry {@code i} on. */
    MemorySegment keysFrom(int i) {
        return keys.asSlice((long) i * keySize);
    }

    /** The values from entry {@code i} on. */
    MemorySegment valuesFrom(int i) {
        return values.asSlice((long) i * entryValueSize);
    }
}
