package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/**
 * Downcall handles to the few C library functions the module needs, named as in C; those that set
 * errno capture it and take the segment of {@link Errno#allocateState} first.
 */
final class LibC {
    private LibC() {}

    /** {@code long syscall(long number, ...)} bound for perf_event_open's five arguments. */
    static final MethodHandle syscall_perf_event_open = NativeLibraries.libc("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), NativeLibraries.CAPTURE_ERRNO);
    static final MethodHandle close = NativeLibraries.libc("close",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    static final MethodHandle if_nametoindex = NativeLibraries.libcWithErrno("if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    static final MethodHandle vsnprintf = NativeLibraries.libc("vsnprintf",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));

    /** The x86-64 and arm64 number of perf_event_open. */
    static final long SYS_PERF_EVENT_OPEN =
            "aarch64".equals(System.getProperty("os.arch")) ? 241 : 298;
}
