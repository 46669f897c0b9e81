package org.ebpfexporter.bpf.testing;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** Makes system calls the JVM itself never makes, so tests can count exactly their own. */
public final class Syscalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle GETPPID = handle("getppid");
    private static final MethodHandle GETPGRP = handle("getpgrp");

    private Syscalls() {}

    /** Calls {@code getppid(2)} {@code times} times. */
    public static void getppid(int times) {
        call(GETPPID, times);
    }

    /** Calls {@code getpgrp(2)} {@code times} times. */
    public static void getpgrp(int times) {
        call(GETPGRP, times);
    }

    private static void call(MethodHandle handle, int times) {
        try {
            for (int i = 0; i < times; i++) {
                int ignored = (int) handle.invokeExact();
            }
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static MethodHandle handle(String name) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), FunctionDescriptor.of(JAVA_INT));
    }
}
