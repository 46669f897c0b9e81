package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** Small helpers shared by the glue: C strings, and rethrowing what a downcall threw. */
final class Native {
    private Native() {}

    /** Reads a NUL-terminated string, or returns {@code ""} for NULL. */
    static String string(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : Errno.cString(pointer);
    }

    /** Allocates a NUL-terminated copy of a Java string, or NULL for {@code null}. */
    static MemorySegment cString(Arena arena, String value) {
        return value == null ? MemorySegment.NULL : arena.allocateFrom(value);
    }

    /** Rethrows what a {@link MethodHandle#invokeExact} call threw as an unchecked exception. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("native call failed", t);
    }
}
