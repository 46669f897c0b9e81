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
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int E2BIG = 7;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ENOSPC = 28;
    public static final int EOPNOTSUPP = 95;
    /** The kernel-internal ENOTSUPP that BPF syscalls can leak to user space. */
    public static final int ENOTSUPP = 524;

    /** libbpf's own error codes ({@code enum libbpf_errno}), which start at 4000. */
    private static final int LIBBPF_ERRNO_START = 4000;
    private static final String[][] LIBBPF_ERRORS = {
        {"LIBELF", "something wrong in libelf"},
        {"FORMAT", "BPF object format invalid"},
        {"KVERSION", "'version' section incorrect or lost"},
        {"ENDIAN", "endian mismatch"},
        {"INTERNAL", "internal error in libbpf"},
        {"RELOC", "relocation failed"},
        {"LOAD", "load program failure for unknown reason"},
        {"VERIFY", "kernel verifier blocks program loading"},
        {"PROG2BIG", "program too big"},
        {"KVER", "incorrect kernel version"},
        {"PROGTYPE", "kernel doesn't support this program type"},
        {"WRNGPID", "wrong pid in netlink message"},
        {"INVSEQ", "invalid netlink sequence"},
        {"NLPARSE", "netlink parsing error"},
    };

    private Errno() {}

    /** Allocates the segment a capturing downcall writes errno into. */
    static MemorySegment allocateState(Arena arena) {
        return arena.allocate(STATE_LAYOUT);
    }

    /** Reads errno from a capture segment. */
    static int read(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** The symbolic name of an errno value, such as {@code EPERM}, or {@code errno N}. */
    public static String name(int errno) {
        if (errno == ENOTSUPP) {
            return "ENOTSUPP";
        }
        if (isLibbpfError(errno)) {
            return "LIBBPF_ERRNO__" + LIBBPF_ERRORS[errno - LIBBPF_ERRNO_START][0];
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
        if (isLibbpfError(errno)) {
            return LIBBPF_ERRORS[errno - LIBBPF_ERRNO_START][1];
        }
        try {
            return cString((MemorySegment) STRERROR.invokeExact(errno));
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static boolean isLibbpfError(int errno) {
        return errno >= LIBBPF_ERRNO_START && errno < LIBBPF_ERRNO_START + LIBBPF_ERRORS.length;
    }

    static String cString(MemorySegment pointer) {
        return pointer.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
