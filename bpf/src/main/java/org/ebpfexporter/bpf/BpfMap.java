package org.ebpfexporter.bpf;

import java.util.Optional;
import org.ebpfexporter.bpf.internal.BatchLookup;
import org.ebpfexporter.bpf.internal.Errno;
import org.ebpfexporter.bpf.internal.KeyByKeyLookup;
import org.ebpfexporter.bpf.internal.MapHandle;

/**
 * A map of a {@link BpfObject}. {@link #read} fetches every entry with
 * {@code BPF_MAP_LOOKUP_BATCH}, falling back to key-by-key iteration for map types the kernel
 * cannot batch; the fallback is remembered per map.
 */
public final class BpfMap {
    private final BpfObject object;
    private final MapHandle handle;
    private final String name;
    private final MapType type;
    private final int keySize;
    private final int valueSize;
    private final int maxEntries;
    private volatile boolean batchUnsupported;

    BpfMap(BpfObject object, MapHandle handle) {
        this.object = object;
        this.handle = handle;
        this.name = handle.name();
        this.type = MapType.of(handle.type());
        this.keySize = handle.keySize();
        this.valueSize = handle.valueSize();
        this.maxEntries = handle.maxEntries();
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
        int cpus = MapHandle.possibleCpus();
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
        requireLoaded();
        try (BatchLookup batch = handle.batchLookup(into.buffer)) {
            int total = 0;
            boolean first = true;
            while (total < into.capacity()) {
                int errno = -batch.next(total, into.capacity() - total);
                if (errno != 0 && errno != Errno.ENOENT) {
                    if (first && (errno == Errno.EINVAL || errno == Errno.EOPNOTSUPP || errno == Errno.ENOTSUPP)) {
                        return -1;
                    }
                    if (errno == Errno.ENOSPC) {
                        break; // entries were added while reading; what was read is consistent
                    }
                    throw new BpfMapException("batch lookup of map " + name + " in " + object.path() + " failed", errno);
                }
                total += batch.count();
                if (errno == Errno.ENOENT) {
                    break;
                }
                first = false;
            }
            into.count = total;
            return total;
        }
    }

    /** Reads every entry one key at a time ({@code get_next_key} then {@code lookup}). */
    public int readKeyByKey(MapEntries into) {
        checkBuffer(into);
        into.count = 0;
        requireLoaded();
        try (KeyByKeyLookup lookup = handle.keyByKeyLookup(into.buffer)) {
            int previous = -1;
            int total = 0;
            while (total < into.capacity()) {
                int result = lookup.nextKey(previous, total);
                if (result < 0) {
                    if (-result == Errno.ENOENT) {
                        break;
                    }
                    throw new BpfMapException("iterating map " + name + " in " + object.path() + " failed", -result);
                }
                result = lookup.lookup(total);
                previous = total;
                if (result < 0) {
                    if (-result == Errno.ENOENT) {
                        continue; // deleted since get_next_key returned it
                    }
                    throw new BpfMapException("lookup in map " + name + " in " + object.path() + " failed", -result);
                }
                total++;
            }
            into.count = total;
            return total;
        }
    }

    /**
     * Creates or replaces one entry. For per-CPU maps {@code value} holds every CPU's slot.
     *
     * @throws BpfMapException when the kernel refuses the update
     * @throws IllegalStateException when the object is closed or not loaded
     */
    public void update(byte[] key, byte[] value) {
        requireLoaded();
        int result = handle.update(key, value);
        if (result < 0) {
            throw new BpfMapException("update of map " + name + " in " + object.path() + " failed", -result);
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
        requireLoaded();
        if (key.length != keySize) {
            throw new IllegalArgumentException("key of " + key.length + " bytes for map " + name + " with "
                    + keySize + " byte keys");
        }
        int size = type.perCpu() ? ((valueSize + 7) & ~7) * possibleCpus() : valueSize;
        byte[] value = new byte[size];
        int result = handle.lookup(key, value);
        if (result == -Errno.ENOENT) {
            return Optional.empty();
        }
        if (result < 0) {
            throw new BpfMapException("lookup in map " + name + " in " + object.path() + " failed", -result);
        }
        return Optional.of(value);
    }

    /** The map's file descriptor once loaded, or a negative value. */
    public int fd() {
        return handle.fd();
    }

    @Override
    public String toString() {
        return "BpfMap[" + name + ", " + type + ", key " + keySize + ", value " + valueSize + ", max " + maxEntries + "]";
    }

    MapHandle handle() {
        return handle;
    }

    /** Fails unless the map is loaded: libbpf gives a negative file descriptor before load. */
    private void requireLoaded() {
        object.requireOpen();
        if (fd() < 0) {
            throw new IllegalStateException("map " + name + " of " + object.path() + " is not loaded");
        }
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
