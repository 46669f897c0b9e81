package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One pass of {@code BPF_MAP_LOOKUP_BATCH} over a map into an {@link EntryBuffer}: each
 * {@link #next} call continues where the previous one stopped. Confined to the calling thread.
 */
public final class BatchLookup implements AutoCloseable {
    private final int fd;
    private final EntryBuffer into;
    private final Arena arena = Arena.ofConfined();
    private final long tokenSize;
    private final MemorySegment inBatch;
    private final MemorySegment outBatch;
    private final MemorySegment count;
    private final MemorySegment state;
    private boolean started;

    BatchLookup(int fd, int keySize, EntryBuffer into) {
        this.fd = fd;
        this.into = into;
        // The kernel's batch position is a key of a hash map, or a u32 index of an array.
        this.tokenSize = Math.max(8, (keySize + 7) & ~7);
        this.inBatch = arena.allocate(tokenSize, 8);
        this.outBatch = arena.allocate(tokenSize, 8);
        this.count = arena.allocate(JAVA_INT);
        this.state = Errno.allocateState(arena);
    }

    /**
     * Reads up to {@code max} entries into the buffer from entry {@code index} on; {@link #count}
     * tells how many arrived, also when the kernel reports the end with ENOENT.
     *
     * @return 0, or {@code -errno}
     */
    public int next(int index, int max) {
        count.set(JAVA_INT, 0, max);
        MemorySegment position = started ? inBatch : MemorySegment.NULL;
        int result;
        try {
            result = (int) LibbpfErrno.bpf_map_lookup_batch.invokeExact(state, fd, position, outBatch,
                    into.keysFrom(index), into.valuesFrom(index), count, MemorySegment.NULL);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
        if (result < 0) {
            return -Errno.read(state);
        }
        MemorySegment.copy(outBatch, 0, inBatch, 0, tokenSize);
        started = true;
        return 0;
    }

    /** The entries the last {@link #next} call read. */
    public int count() {
        return count.get(JAVA_INT, 0);
    }

    @Override
    public void close() {
        arena.close();
    }
}
