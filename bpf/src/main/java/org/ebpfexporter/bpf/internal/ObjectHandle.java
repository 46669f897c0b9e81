package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;
import org.ebpfexporter.bpf.internal.binding.bpf_object_open_opts;

/**
 * A libbpf {@code struct bpf_object} and the buffer that receives its verifier log. Not
 * thread-safe; {@code BpfObject} serialises its use.
 */
public final class ObjectHandle implements AutoCloseable {
    private static final int VERIFIER_LOG_SIZE = 16 * 1024 * 1024;

    private final MemorySegment object;
    private final Arena logArena;
    private final MemorySegment verifierLog;

    private ObjectHandle(MemorySegment object, Arena logArena, MemorySegment verifierLog) {
        this.object = object;
        this.logArena = logArena;
        this.verifierLog = verifierLog;
    }

    /** What {@link #load} returned: 0 or a positive errno, and the verifier log (may be empty). */
    public record LoadResult(int errno, String verifierLog) {}

    /**
     * Opens an object file.
     *
     * @param btfCustomPath BTF for CO-RE relocations instead of the kernel's, or {@code null}
     * @throws ErrnoException when libbpf cannot open or parse the file
     */
    public static ObjectHandle open(String file, String btfCustomPath) throws ErrnoException {
        return open(btfCustomPath, (state, opts, arena, logArena) -> (MemorySegment)
                LibbpfErrno.bpf_object__open_file.invokeExact(state, arena.allocateFrom(file), opts));
    }

    /**
     * Opens an object from its bytes: libbpf reads no file, so none can block it.
     *
     * @param image         the contents of a compiled {@code .bpf.o}
     * @param objectName    the name libbpf gives the object and its internal maps ({@code NAME.rodata})
     * @param btfCustomPath BTF for CO-RE relocations instead of the kernel's, or {@code null}
     * @throws ErrnoException when libbpf cannot parse the image
     */
    public static ObjectHandle openMemory(byte[] image, String objectName, String btfCustomPath)
            throws ErrnoException {
        return open(btfCustomPath, (state, opts, arena, logArena) -> {
            // libbpf parses the image while opening; it lives as long as the log buffer to be safe.
            MemorySegment buffer = logArena.allocate(Math.max(1, image.length), 8);
            MemorySegment.copy(image, 0, buffer, ValueLayout.JAVA_BYTE, 0, image.length);
            bpf_object_open_opts.object_name(opts, arena.allocateFrom(objectName));
            return (MemorySegment) LibbpfErrno.bpf_object__open_mem.invokeExact(state, buffer,
                    (long) image.length, opts);
        });
    }

    /** How an object is opened, given errno capture, the options and the arenas of {@link #open(String, Opener)}. */
    @FunctionalInterface
    private interface Opener {
        MemorySegment open(MemorySegment state, MemorySegment opts, Arena arena, Arena logArena) throws Throwable;
    }

    private static ObjectHandle open(String btfCustomPath, Opener opener) throws ErrnoException {
        Arena logArena = Arena.ofShared();
        MemorySegment log = logArena.allocate(VERIFIER_LOG_SIZE);
        try (Arena arena = Arena.ofConfined()) {
            // Options are versioned by sz: the layout is libbpf-dev 1.1's, which every 1.x accepts.
            MemorySegment opts = bpf_object_open_opts.allocate(arena);
            bpf_object_open_opts.sz(opts, bpf_object_open_opts.sizeof());
            bpf_object_open_opts.btf_custom_path(opts, Native.cString(arena, btfCustomPath));
            // With a caller-owned log buffer libbpf keeps the verifier log there instead of printing it.
            bpf_object_open_opts.kernel_log_buf(opts, log);
            bpf_object_open_opts.kernel_log_size(opts, VERIFIER_LOG_SIZE);
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment object = opener.open(state, opts, arena, logArena);
            if (object.equals(MemorySegment.NULL)) {
                logArena.close();
                throw new ErrnoException(Errno.read(state));
            }
            return new ObjectHandle(object, logArena, log);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            if (logArena.scope().isAlive()) {
                logArena.close();
            }
            throw Native.rethrow(t);
        }
    }

    /** The object's programs, in section order. */
    public List<ProgramHandle> programs() {
        List<ProgramHandle> programs = new ArrayList<>();
        MemorySegment program = MemorySegment.NULL;
        while (!(program = LibbpfBinding.bpf_object__next_program(object, program)).equals(MemorySegment.NULL)) {
            programs.add(new ProgramHandle(program));
        }
        return programs;
    }

    /** The object's maps, libbpf's internal ones ({@code .rodata}, {@code .bss}) included. */
    public List<MapHandle> maps() {
        List<MapHandle> maps = new ArrayList<>();
        MemorySegment map = MemorySegment.NULL;
        while (!(map = LibbpfBinding.bpf_object__next_map(object, map)).equals(MemorySegment.NULL)) {
            maps.add(new MapHandle(map));
        }
        return maps;
    }

    /**
     * The place of each read-only global in {@code .rodata}, by name; empty without one.
     *
     * @throws IllegalStateException when the object's BTF is inconsistent
     */
    public Map<String, RodataVariable> rodataVariables() {
        return RodataLayout.read(object);
    }

    /** Loads the object; the verifier log buffer is released afterwards. Call once. */
    public LoadResult load() {
        verifierLog.set(ValueLayout.JAVA_BYTE, 0, (byte) 0);
        int result = LibbpfBinding.bpf_object__load(object);
        String log = verifierLog.getString(0);
        logArena.close();
        return new LoadResult(result < 0 ? -result : 0, log);
    }

    /** Closes the object (unloading it if loaded) and releases the log buffer if still held. */
    @Override
    public void close() {
        LibbpfBinding.bpf_object__close(object);
        if (logArena.scope().isAlive()) {
            logArena.close();
        }
    }
}
