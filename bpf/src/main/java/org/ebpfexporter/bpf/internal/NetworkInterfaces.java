package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Network interface indexes, for attaching XDP programs. */
public final class NetworkInterfaces {
    private NetworkInterfaces() {}

    /**
     * The index of the interface of that name.
     *
     * @throws ErrnoException when there is no such interface
     */
    public static int index(String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            int index = (int) LibC.if_nametoindex.invokeExact(state, arena.allocateFrom(name));
            if (index == 0) {
                throw new ErrnoException(Errno.read(state));
            }
            return index;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
