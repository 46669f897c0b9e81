package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;

/**
 * A libbpf {@code struct bpf_map}: its definition, the initial value of internal maps such as
 * {@code .rodata}, and reads and updates of its entries. Calls on entries return 0 or
 * {@code -errno}, as libbpf's do.
 */
public final class MapHandle {
    /** Update flags: create the entry or replace it. */
    private static final long UPDATE_ANY = LibbpfBinding.BPF_ANY();

    private final MemorySegment map;

    MapHandle(MemorySegment map) {
        this.map = map;
    }

    /** The number of value slots per entry of a per-CPU map: libbpf's possible CPU count. */
    public static int possibleCpus() {
        NativeLibraries.requireLibbpf();
        return LibbpfBinding.libbpf_num_possible_cpus();
    }

    /** The map's name as declared in C. */
    public String name() {
        return Native.string(LibbpfBinding.bpf_map__name(map));
    }

    /** The kernel's {@code enum bpf_map_type} value. */
    public int type() {
        return LibbpfBinding.bpf_map__type(map);
    }

    /** Bytes per key. */
    public int keySize() {
        return LibbpfBinding.bpf_map__key_size(map);
    }

    /** Bytes per value. */
    public int valueSize() {
        return LibbpfBinding.bpf_map__value_size(map);
    }

    /** The most entries the map holds. */
    public int maxEntries() {
        return LibbpfBinding.bpf_map__max_entries(map);
    }

    /** The map's file descriptor once loaded, or a negative value. */
    public int fd() {
        return LibbpfBinding.bpf_map__fd(map);
    }

    /**
     * Copies bytes into the map's initial value (before load) at {@code offset}.
     *
     * @return false when the map has no initial value or the bytes do not fit in it
     */
    public boolean writeInitialValue(long offset, byte[] bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(JAVA_LONG);
            MemorySegment data = LibbpfBinding.bpf_map__initial_value(map, size);
            long length = size.get(JAVA_LONG, 0);
            if (data.equals(MemorySegment.NULL) || offset + bytes.length > length) {
                return false;
            }
            MemorySegment.copy(MemorySegment.ofArray(bytes), 0, data, offset, bytes.length);
            return true;
        }
    }

    /** Starts a key-by-key read of the whole map into {@code entries}. */
    public KeyByKeyLookup keyByKeyLookup(EntryBuffer entries) {
        return new KeyByKeyLookup(fd(), entries);
    }

    /** Starts a batch read of the whole map into {@code entries}. */
    public BatchLookup batchLookup(EntryBuffer entries) {
        return new BatchLookup(fd(), keySize(), entries);
    }

    /** Looks up one key; on success its value is copied into {@code value}. */
    public int lookup(byte[] key, byte[] value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment segment = arena.allocate(value.length, 8);
            int result = (int) LibbpfErrno.bpf_map_lookup_elem.invokeExact(state, fd(),
                    arena.allocateFrom(JAVA_BYTE, key), segment);
            if (result < 0) {
                return -Errno.read(state);
            }
            MemorySegment.copy(segment, JAVA_BYTE, 0, value, 0, value.length);
            return 0;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Creates or replaces one entry. */
    public int update(byte[] key, byte[] value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            int result = (int) LibbpfErrno.bpf_map_update_elem.invokeExact(state, fd(),
                    arena.allocateFrom(JAVA_BYTE, key), arena.allocateFrom(JAVA_BYTE, value), UPDATE_ANY);
            return result < 0 ? -Errno.read(state) : 0;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
