package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.ebpfexporter.bpf.LibbpfUnavailableException;

/**
 * Finds {@code libbpf.so.1} and the C library once, and builds downcall handles to their symbols.
 *
 * <p>The libbpf file name can be overridden with the system property {@code ebpf.exporter.libbpf}
 * (a name the dynamic loader resolves, or an absolute path).
 */
public final class NativeLibraries {
    /** System property naming the libbpf shared object to load. */
    public static final String LIBBPF_PROPERTY = "ebpf.exporter.libbpf";

    static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final String LIBBPF_NAME = System.getProperty(LIBBPF_PROPERTY, "libbpf.so.1");
    private static final SymbolLookup LIBBPF;
    private static final String LIBBPF_FAILURE;

    static {
        SymbolLookup lookup = null;
        String failure = null;
        try {
            lookup = SymbolLookup.libraryLookup(LIBBPF_NAME, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            failure = e.getMessage();
        }
        LIBBPF = lookup;
        LIBBPF_FAILURE = failure;
    }

    private NativeLibraries() {}

    /**
     * Throws a clear exception when libbpf cannot be loaded; call before touching {@link Libbpf}.
     *
     * @throws LibbpfUnavailableException when the shared object is missing or unusable
     */
    public static void requireLibbpf() {
        if (LIBBPF == null) {
            throw new LibbpfUnavailableException(LIBBPF_NAME, LIBBPF_FAILURE);
        }
    }

    /** Whether libbpf was found. */
    public static boolean libbpfAvailable() {
        return LIBBPF != null;
    }

    static MethodHandle libbpf(String name, FunctionDescriptor descriptor) {
        requireLibbpf();
        return LINKER.downcallHandle(find(LIBBPF, name), descriptor);
    }

    static MethodHandle libbpfWithErrno(String name, FunctionDescriptor descriptor) {
        requireLibbpf();
        return LINKER.downcallHandle(find(LIBBPF, name), descriptor, CAPTURE_ERRNO);
    }

    static MethodHandle libc(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(find(LINKER.defaultLookup(), name), descriptor, options);
    }

    static MethodHandle libcWithErrno(String name, FunctionDescriptor descriptor) {
        return libc(name, descriptor, CAPTURE_ERRNO);
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        Optional<MemorySegment> symbol = lookup.find(name);
        return symbol.orElseThrow(() -> new LibbpfUnavailableException(LIBBPF_NAME,
                "symbol " + name + " not found (libbpf 1.1 or newer is required)"));
    }
}
