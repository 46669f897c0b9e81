package org.ebpfexporter.bpf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;
import org.ebpfexporter.bpf.internal.Errno;
import org.ebpfexporter.bpf.internal.Libbpf;
import org.ebpfexporter.bpf.internal.Native;

/**
 * A map of a {@link BpfObject}. {@link #read} fetches every entry with
 * {@code BPF_MAP_LOOKUP_BATCH}, falling back to key-by-key iteration for map types the kernel
 * cannot batch; the fallback is remembered per map.
 */
public final class BpfMap {
    private final BpfObject object;
    private final MemorySegment handle;
    private final String name;
    private final MapType type;
    private final int keySize;
    private final int valueSize;
    private final int maxEntries;
    private volatile boolean batchUnsupported;

    BpfMap(BpfObject object, MemorySegment handle) throws Throwable {
        this.object = object;
        this.handle = handle;
        this.name = Native.string((MemorySegment) Libbpf.bpf_map__name.invokeExact(handle));
        this.type = MapType.of((int) Libbpf.bpf_map__type.invokeExact(handle));
        this.keySize = (int) Libbpf.bpf_map__key_size.invokeExact(handle);
        this.valueSize = (int) Libbpf.bpf_map__value_size.invokeExact(handle);
        this.maxEntries = (int) Libbpf.bpf_map__max_entries.invokeExact(handle);
    }

    /** The map's name as declared in C (internal maps are named like {@code obj.rodata}). */
    public String name() {
        return name;
    }

    /** The map's type. */
    public MapType type() {
        return type;
    }

    /** Bytes per key. */
    public int keySize() {
        return keySize;
    }

    /** Bytes per value (per CPU for per-CPU maps). */
    public int valueSize() {
        return valueSize;
    }

    /** The most entries the map holds. */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * The number of value slots per entry of a per-CPU map: libbpf's possible CPU count.
     *
     * @throws BpfMapException when libbpf cannot read {@code /sys/devices/system/cpu/possible}
     */
    public static int possibleCpus() {
        int cpus;
        try {
            cpus = (int) Libbpf.libbpf_num_possible_cpus.invokeExact();
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
        if (cpus <= 0) {
            throw new BpfMapException("counting the possible CPUs (libbpf_num_possible_cpus) failed", -cpus);
        }
        return cpus;
    }

    /** A buffer that holds every entry of this map. */
    public MapEntries newEntries() {
        return new MapEntries(keySize, valueSize, type.perCpu(), type.perCpu() ? possibleCpus() : 1, maxEntries);
    }

    /**
     * Reads every entry into {@code into}, by batch when the kernel supports it for this map.
     *
     * @return the number of entries read
     * @throws BpfMapException when the kernel refuses the read
     * @throws IllegalStateException when the object is closed or not loaded
     */
    public int read(MapEntries into) {
        if (!batchUnsupported) {
            int count = readBatch(into);
            if (count >= 0) {
                return count;
            }
            batchUnsupported = true;
        }
        return readKeyByKey(into);
    }

    /**
     * Reads every entry with {@code BPF_MAP_LOOKUP_BATCH}.
     *
     * @return the number of entries, or -1 when this map type cannot be read by batch
     */
    public int readBatch(MapEntries into) {
        checkBuffer(into);
        into.count = 0;
        int entryValueSize = into.entryValueSize();
        int fd = loadedFd();
        try (Arena arena = Arena.ofConfined()) {
            long tokenSize = Math.max(8, (keySize + 7) & ~7);
            MemorySegment inBatch = arena.allocate(tokenSize, 8);
            MemorySegment outBatch = arena.allocate(tokenSize, 8);
            MemorySegment count = arena.allocate(JAVA_INT);
            MemorySegment state = Errno.allocateState(arena);
            int total = 0;
            boolean first = true;
            while (total < into.capacity()) {
                count.set(JAVA_INT, 0, into.capacity() - total);
                MemorySegment position = first ? MemorySegment.NULL : inBatch;
                int result = (int) Libbpf.bpf_map_lookup_batch.invokeExact(state, fd, position, outBatch,
                        into.keys.asSlice((long) total * keySize),
                        into.values.asSlice((long) total * entryValueSize), count, MemorySegment.NULL);
                int errno = result < 0 ? Errno.read(state) : 0;
                if (result < 0 && errno != Errno.ENOENT) {
                    if (first && (errno == Errno.EINVAL || errno == Errno.EOPNOTSUPP || errno == Errno.ENOTSUPP)) {
                        return -1;
                    }
                    if (errno == Errno.ENOSPC) {
                        break; // entries were added while reading; what was read is consistent
                    }
                    throw new BpfMapException("batch lookup of map " + name + " in " + object.path() + " failed", errno);
                }
                total += count.get(JAVA_INT, 0);
                if (errno == Errno.ENOENT) {
                    break;
                }
                MemorySegment.copy(outBatch, 0, inBatch, 0, tokenSize);
                first = false;
            }
            into.count = total;
            return total;
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Reads every entry one key at a time ({@code get_next_key} then {@code lookup}). */
    public int readKeyByKey(MapEntries into) {
        checkBuffer(into);
        into.count = 0;
        int entryValueSize = into.entryValueSize();
        int fd = loadedFd();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment previous = MemorySegment.NULL;
            int total = 0;
            while (total < into.capacity()) {
                MemorySegment key = into.keys.asSlice((long) total * keySize, keySize);
                int result = (int) Libbpf.bpf_map_get_next_key.invokeExact(state, fd, previous, key);
                if (result < 0) {
                    int errno = Errno.read(state);
                    if (errno == Errno.ENOENT) {
                        break;
                    }
                    throw new BpfMapException("iterating map " + name + " in " + object.path() + " failed", errno);
                }
                MemorySegment value = into.values.asSlice((long) total * entryValueSize, entryValueSize);
                result = (int) Libbpf.bpf_map_lookup_elem.invokeExact(state, fd, key, value);
                previous = key;
                if (result < 0) {
                    int errno = Errno.read(state);
                    if (errno == Errno.ENOENT) {
                        continue; // deleted since get_next_key returned it
                    }
                    throw new BpfMapException("lookup in map " + name + " in " + object.path() + " failed", errno);
                }
                total++;
            }
            into.count = total;
            return total;
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * Creates or replaces one entry. For per-CPU maps {@code value} holds every CPU's slot.
     *
     * @throws BpfMapException when the kernel refuses the update
     * @throws IllegalStateException when the object is closed or not loaded
     */
    public void update(byte[] key, byte[] value) {
        int fd = loadedFd();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            int result = (int) Libbpf.bpf_map_update_elem.invokeExact(state, fd, arena.allocateFrom(JAVA_BYTE, key),
                    arena.allocateFrom(JAVA_BYTE, value), 0L);
            if (result < 0) {
                throw new BpfMapException("update of map " + name + " in " + object.path() + " failed", Errno.read(state));
            }
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * Looks up one entry. For per-CPU maps the value holds every CPU's slot (see
     * {@link #newEntries}).
     *
     * @param key {@link #keySize} bytes
     * @return a copy of the value, or empty when the key is absent
     * @throws BpfMapException when the kernel refuses the lookup for another reason
     * @throws IllegalStateException when the object is closed or not loaded
     */
    public Optional<byte[]> lookup(byte[] key) {
        int fd = loadedFd();
        if (key.length != keySize) {
            throw new IllegalArgumentException("key of " + key.length + " bytes for map " + name + " with "
                    + keySize + " byte keys");
        }
        long size = type.perCpu() ? (long) ((valueSize + 7) & ~7) * possibleCpus() : valueSize;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment value = arena.allocate(size, 8);
            int result = (int) Libbpf.bpf_map_lookup_elem.invokeExact(state, fd, arena.allocateFrom(JAVA_BYTE, key),
                    value);
            if (result < 0) {
                int errno = Errno.read(state);
                if (errno == Errno.ENOENT) {
                    return Optional.empty();
                }
                throw new BpfMapException("lookup in map " + name + " in " + object.path() + " failed", errno);
            }
            return Optional.of(value.toArray(JAVA_BYTE));
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** The map's file descriptor once loaded, or a negative value. */
    public int fd() {
        try {
            return (int) Libbpf.bpf_map__fd.invokeExact(handle);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    @Override
    public String toString() {
        return "BpfMap[" + name + ", " + type + ", key " + keySize + ", value " + valueSize + ", max " + maxEntries + "]";
    }

    MemorySegment handle() {
        return handle;
    }

    /** The file descriptor of the loaded map; libbpf gives a negative one before load. */
    private int loadedFd() {
        object.requireOpen();
        int fd = fd();
        if (fd < 0) {
            throw new IllegalStateException("map " + name + " of " + object.path() + " is not loaded");
        }
        return fd;
    }

    private void checkBuffer(MapEntries into) {
        object.requireOpen();
        if (!type.iterable()) {
            throw new BpfMapException("map " + name + " in " + object.path() + " is a " + type
                    + ", which cannot be read entry by entry", 0);
        }
        if (into.keySize() != keySize || into.valueSize() != valueSize || into.capacity() < maxEntries) {
            throw new IllegalArgumentException("buffer does not fit map " + name + "; use newEntries()");
        }
    }
}
