package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.ebpfexporter.bpf.LibbpfUnavailableException;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;

/**
 * Loads {@code libbpf.so.1} once, checks that the generated binding uses it, and builds downcall
 * handles to the C library.
 *
 * <p>The libbpf file can be overridden with the system property {@code ebpf.exporter.libbpf} (a
 * name the dynamic loader resolves, or an absolute path). The generated binding looks libbpf up
 * as {@code libbpf.so.1}; the dynamic loader resolves that name to a library already loaded with
 * that soname, so loading the chosen file here first makes the binding use it. A file with another
 * soname is refused.
 */
public final class NativeLibraries {
    /** System property naming the libbpf shared object to load. */
    public static final String LIBBPF_PROPERTY = "ebpf.exporter.libbpf";

    static final Linker LINKER = Linker.nativeLinker();
    static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final String LIBBPF_NAME = System.getProperty(LIBBPF_PROPERTY, "libbpf.so.1");
    private static final String LIBBPF_FAILURE = load();

    private NativeLibraries() {}

    /**
     * Throws a clear exception when libbpf cannot be used; call before the first libbpf call.
     *
     * @throws LibbpfUnavailableException when the shared object is missing or unusable
     */
    public static void requireLibbpf() {
        if (LIBBPF_FAILURE != null) {
            throw new LibbpfUnavailableException(LIBBPF_NAME, LIBBPF_FAILURE);
        }
    }

    /** Whether libbpf was found. */
    public static boolean libbpfAvailable() {
        return LIBBPF_FAILURE == null;
    }

    static MethodHandle libc(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("C library function " + name + " not found"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    static MethodHandle libcWithErrno(String name, FunctionDescriptor descriptor) {
        return libc(name, descriptor, CAPTURE_ERRNO);
    }

    /** Loads libbpf for the rest of the JVM's life; returns why it is unusable, or {@code null}. */
    private static String load() {
        SymbolLookup chosen;
        try {
            chosen = SymbolLookup.libraryLookup(LIBBPF_NAME, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return e.getMessage();
        }
        try {
            // Any function will do to see which library the binding resolved.
            long bound = LibbpfBinding.libbpf_num_possible_cpus$address().address();
            long loaded = chosen.find("libbpf_num_possible_cpus").map(MemorySegment::address).orElse(0L);
            return bound == loaded ? null
                    : "it is not the libbpf.so.1 the binding resolves (a libbpf 1.x with that soname is needed)";
        } catch (RuntimeException | LinkageError e) {
            return "symbol lookup failed (libbpf 1.1 or newer is required): " + e;
        }
    }
}
