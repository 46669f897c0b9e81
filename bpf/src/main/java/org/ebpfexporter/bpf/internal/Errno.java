package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/** The errno value captured by a downcall, and its symbolic name as glibc spells it. */
public final class Errno {
    private static final MemoryLayout STATE_LAYOUT = java.lang.foreign.Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE_LAYOUT.varHandle(
            MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle STRERRORNAME_NP = NativeLibraries.libc("strerrorname_np",
            java.lang.foreign.FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle STRERROR = NativeLibraries.libc("strerror",
            java.lang.foreign.FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    /** errno values this module reacts to. */
    public static final int ENOENT = 2;
    public static final int E2BIG = 7;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int EOPNOTSUPP = 95;
    /** The kernel-internal ENOTSUPP that BPF syscalls can leak to user space. */
    public static final int ENOTSUPP = 524;

    private Errno() {}

    /** Allocates the segment a capturing downcall writes errno into. */
    public static MemorySegment allocateState(Arena arena) {
        return arena.allocate(STATE_LAYOUT);
    }

    /** Reads errno from a capture segment. */
    public static int read(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** The symbolic name of an errno value, such as {@code EPERM}, or {@code errno N}. */
    public static String name(int errno) {
        if (errno == ENOTSUPP) {
            return "ENOTSUPP";
        }
        try {
            MemorySegment name = (MemorySegment) STRERRORNAME_NP.invokeExact(errno);
            return name.equals(MemorySegment.NULL) ? "errno " + errno : cString(name);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    /** The C library's description of an errno value. */
    public static String description(int errno) {
        if (errno == ENOTSUPP) {
            return "Operation not supported";
        }
        try {
            return cString((MemorySegment) STRERROR.invokeExact(errno));
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    static String cString(MemorySegment pointer) {
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
