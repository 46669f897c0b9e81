package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** Downcall handles to the few C library functions the exporter needs, named as in C. */
public final class LibC {
    private LibC() {}

    /** {@code long syscall(long number, ...)} bound for perf_event_open's five arguments. */
    public static final MethodHandle syscall_perf_event_open = NativeLibraries.libc("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));
    public static final MethodHandle close = NativeLibraries.libc("close",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    public static final MethodHandle if_nametoindex = NativeLibraries.libcWithErrno("if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    public static final MethodHandle vsnprintf = NativeLibraries.libc("vsnprintf",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));

    /** The x86-64 and arm64 number of perf_event_open. */
    public static final long SYS_PERF_EVENT_OPEN =
            "aarch64".equals(System.getProperty("os.arch")) ? 241 : 298;
}
