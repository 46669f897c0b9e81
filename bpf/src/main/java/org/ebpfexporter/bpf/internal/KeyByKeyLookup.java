package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * One pass over a map key by key ({@code bpf_map_get_next_key}, then {@code bpf_map_lookup_elem})
 * into an {@link EntryBuffer}. Calls return 0 or {@code -errno}. Confined to the calling thread.
 */
public final class KeyByKeyLookup implements AutoCloseable {
    private final int fd;
    private final EntryBuffer into;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment state = Errno.allocateState(arena);

    KeyByKeyLookup(int fd, EntryBuffer into) {
        this.fd = fd;
        this.into = into;
    }

    /**
     * Puts the key that follows entry {@code previous}'s key (the first key when {@code previous}
     * is -1) into entry {@code index}.
     */
    public int nextKey(int previous, int index) {
        MemorySegment previousKey = previous < 0 ? MemorySegment.NULL : into.key(previous);
        return call(LibbpfErrno.bpf_map_get_next_key, previousKey, into.key(index));
    }

    /** Looks up the key of entry {@code index} and stores its value there. */
    public int lookup(int index) {
        return call(LibbpfErrno.bpf_map_lookup_elem, into.key(index), into.value(index));
    }

    @Override
    public void close() {
        arena.close();
    }

    private int call(MethodHandle function, MemorySegment key, MemorySegment out) {
        int result;
        try {
            result = (int) function.invokeExact(state, fd, key, out);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
        return result < 0 ? -Errno.read(state) : 0;
    }
}
