package org.ebpfexporter.bpf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.ebpfexporter.bpf.internal.Errno;
import org.ebpfexporter.bpf.internal.Libbpf;
import org.ebpfexporter.bpf.internal.LibbpfPrinter;
import org.ebpfexporter.bpf.internal.Native;
import org.ebpfexporter.bpf.internal.NativeLibraries;
import org.ebpfexporter.bpf.internal.PerfEventSection;
import org.ebpfexporter.bpf.internal.RodataLayout;

/**
 * A BPF object file opened with libbpf: set read-only globals, load, attach its programs, read its
 * maps, close. Closing detaches every link attached through this object and unloads it.
 *
 * <p>Not thread-safe for opening, loading and attaching; once loaded, its maps may be read from
 * any thread.
 */
public final class BpfObject implements AutoCloseable {
    private static final int OPEN_OPTS_SIZE = 80;
    private static final int VERIFIER_LOG_SIZE = 16 * 1024 * 1024;
    private static final int BPF_PROG_TYPE_XDP = 6;
    private static final int BPF_PROG_TYPE_PERF_EVENT = 7;
    private static final int BPF_XDP = 37;
    private static final int BPF_PERF_EVENT = 41;

    private final Path path;
    private final Arena logArena;
    private final MemorySegment object;
    private final MemorySegment verifierLog;
    private final List<BpfProgram> programs = new ArrayList<>();
    private final List<BpfMap> maps = new ArrayList<>();
    private final Deque<BpfLink> links = new ArrayDeque<>();
    private boolean loaded;
    private boolean closed;

    private BpfObject(Path path, MemorySegment object, Arena logArena, MemorySegment verifierLog) {
        this.path = path;
        this.object = object;
        this.logArena = logArena;
        this.verifierLog = verifierLog;
    }

    /** Opens an object file, relocating against the kernel's own BTF. */
    public static BpfObject open(Path file) {
        return open(file, null);
    }

    /**
     * Opens an object file.
     *
     * @param file           the compiled {@code .bpf.o}
     * @param btfCustomPath  BTF to use for CO-RE relocations instead of the kernel's, or {@code null}
     * @throws BpfOpenException when the file is missing or libbpf cannot parse it
     * @throws LibbpfUnavailableException when libbpf cannot be loaded
     */
    public static BpfObject open(Path file, Path btfCustomPath) {
        NativeLibraries.requireLibbpf();
        LibbpfPrinter.install();
        if (!Files.isRegularFile(file)) {
            throw new BpfOpenException("opening " + file + " failed: no such file", 0);
        }
        return open(file, btfCustomPath, (state, opts, arena, logArena) -> (MemorySegment)
                Libbpf.bpf_object__open_file.invokeExact(state, arena.allocateFrom(file.toString()), opts));
    }

    /**
     * Opens an object from its bytes, as read from a file or a jar resource: nothing is read by
     * path, so no file needs to exist, and libbpf never opens a file that could block it.
     *
     * @param image         the contents of a compiled {@code .bpf.o}
     * @param name          what {@link #path()} and messages call the object, such as
     *                      {@code /etc/ebpf/timers.bpf.o}; as for a file, libbpf names the object
     *                      (and its {@code .rodata} and {@code .bss} maps) after its file name up to
     *                      the first dot
     * @param btfCustomPath BTF to use for CO-RE relocations instead of the kernel's, or {@code null}
     * @throws BpfOpenException when libbpf cannot parse the image
     * @throws LibbpfUnavailableException when libbpf cannot be loaded
     */
    public static BpfObject open(byte[] image, String name, Path btfCustomPath) {
        NativeLibraries.requireLibbpf();
        LibbpfPrinter.install();
        Path path = Path.of(name);
        String fileName = path.getFileName() == null ? name : path.getFileName().toString();
        String objectName = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
        return open(path, btfCustomPath, (state, opts, arena, logArena) -> {
            // libbpf parses the image while opening; it lives as long as the log buffer to be safe.
            MemorySegment buffer = logArena.allocate(Math.max(1, image.length), 8);
            MemorySegment.copy(image, 0, buffer, ValueLayout.JAVA_BYTE, 0, image.length);
            opts.set(ADDRESS, 8, arena.allocateFrom(objectName));
            return (MemorySegment) Libbpf.bpf_object__open_mem.invokeExact(state, buffer, (long) image.length, opts);
        });
    }

    /** How an object is opened, given errno capture, the options and the arenas of the shared open. */
    @FunctionalInterface
    private interface Opener {
        MemorySegment open(MemorySegment state, MemorySegment opts, Arena arena, Arena logArena) throws Throwable;
    }

    private static BpfObject open(Path path, Path btfCustomPath, Opener opener) {
        Arena logArena = Arena.ofShared();
        MemorySegment log = logArena.allocate(VERIFIER_LOG_SIZE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment opts = arena.allocate(OPEN_OPTS_SIZE, 8);
            opts.set(JAVA_LONG, 0, OPEN_OPTS_SIZE);
            opts.set(ADDRESS, 48, btfCustomPath == null ? MemorySegment.NULL
                    : arena.allocateFrom(btfCustomPath.toString()));
            // With a caller-owned log buffer libbpf keeps the verifier log there instead of printing it.
            opts.set(ADDRESS, 56, log);
            opts.set(JAVA_LONG, 64, VERIFIER_LOG_SIZE);
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment object = opener.open(state, opts, arena, logArena);
            if (object.equals(MemorySegment.NULL)) {
                logArena.close();
                throw new BpfOpenException("opening " + path + " failed", Errno.read(state));
            }
            BpfObject opened = new BpfObject(path, object, logArena, log);
            opened.discover();
            return opened;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** The object file this was opened from, or the name it was opened under from memory. */
    public Path path() {
        return path;
    }

    /** Whether the object has a read-only global of that name in {@code .rodata}. */
    public boolean hasGlobal(String name) {
        return RodataLayout.read(object).containsKey(name);
    }

    /**
     * Writes a little-endian integer into a read-only global ({@code const volatile} in
     * {@code .rodata}) before load; the variable may be 1, 2, 4 or 8 bytes wide.
     *
     * @throws BpfOpenException when there is no such variable, or after load
     */
    public void setGlobal(String name, long value) {
        RodataLayout.Variable variable = rodataVariable(name);
        MemorySegment data = rodata(variable);
        switch (variable.size()) {
            case 1 -> data.set(ValueLayout.JAVA_BYTE, variable.offset(), (byte) value);
            case 2 -> data.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.nativeOrder()),
                    variable.offset(), (short) value);
            case 4 -> data.set(ValueLayout.JAVA_INT_UNALIGNED, variable.offset(), (int) value);
            case 8 -> data.set(ValueLayout.JAVA_LONG_UNALIGNED, variable.offset(), value);
            default -> throw new BpfOpenException("global " + name + " in " + path + " is " + variable.size()
                    + " bytes wide, not an integer", 0);
        }
    }

    /** Copies raw bytes into a read-only global before load; the length must match its size. */
    public void setGlobal(String name, byte[] value) {
        RodataLayout.Variable variable = rodataVariable(name);
        if (value.length != variable.size()) {
            throw new BpfOpenException("global " + name + " in " + path + " is " + variable.size()
                    + " bytes wide, got " + value.length, 0);
        }
        MemorySegment.copy(MemorySegment.ofArray(value), 0, rodata(variable), variable.offset(), value.length);
    }

    /**
     * Loads every program and map into the kernel.
     *
     * @throws BpfLoadException with the verifier log when the kernel refuses a program
     */
    public void load() {
        requireOpen();
        if (loaded) {
            throw new IllegalStateException(path + " is already loaded");
        }
        verifierLog.set(ValueLayout.JAVA_BYTE, 0, (byte) 0);
        int result;
        try {
            result = (int) Libbpf.bpf_object__load.invokeExact(object);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
        String log = verifierLog.getString(0);
        logArena.close();
        if (result < 0) {
            throw new BpfLoadException(path.toString(), -result, log);
        }
        loaded = true;
        programs.forEach(program -> LoadedPrograms.recordLoaded(program.info().id()));
    }

    /** Whether {@link #load()} succeeded. */
    public boolean loaded() {
        return loaded;
    }

    /** The programs in the object, in section order. */
    public List<BpfProgram> programs() {
        return List.copyOf(programs);
    }

    /** The program of that (C function) name. */
    public Optional<BpfProgram> program(String name) {
        return programs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The maps in the object, including libbpf's internal ones ({@code .rodata}, {@code .bss}). */
    public List<BpfMap> maps() {
        return List.copyOf(maps);
    }

    /**
     * The map of that name.
     *
     * @throws BpfMapException when the object has no such map
     */
    public BpfMap map(String name) {
        return maps.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new BpfMapException("map " + name + " not found in " + path + " (maps: "
                        + maps.stream().map(BpfMap::name).toList() + ")", 0));
    }

    /** Attaches every program with {@link BpfProgram#attach()}; on failure detaches what was attached. */
    public List<BpfLink> attachAll() {
        List<BpfLink> attached = new ArrayList<>();
        try {
            for (BpfProgram program : programs) {
                attached.add(program.attach());
            }
            return attached;
        } catch (RuntimeException e) {
            attached.reversed().forEach(BpfLink::close);
            throw e;
        }
    }

    /** Detaches every link made through this object, in reverse order, and unloads it. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!links.isEmpty()) {
            links.pop().close();
        }
        try {
            Libbpf.bpf_object__close.invokeExact(object);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            if (logArena.scope().isAlive()) {
                logArena.close();
            }
        }
    }

    @Override
    public String toString() {
        return "BpfObject[" + path + "]";
    }

    synchronized BpfLink track(BpfLink link) {
        links.push(link);
        return link;
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
    }

    /** Enumerates programs and maps, and gives the sections libbpf does not know their program type. */
    private void discover() throws Throwable {
        MemorySegment program = MemorySegment.NULL;
        while (!(program = (MemorySegment) Libbpf.bpf_object__next_program.invokeExact(object, program))
                .equals(MemorySegment.NULL)) {
            BpfProgram p = new BpfProgram(this, program);
            if (p.section().startsWith(PerfEventSection.PREFIX)) {
                int ignored = (int) Libbpf.bpf_program__set_type.invokeExact(program, BPF_PROG_TYPE_PERF_EVENT);
                ignored = (int) Libbpf.bpf_program__set_expected_attach_type.invokeExact(program, BPF_PERF_EVENT);
            } else if (p.xdpInterface().isPresent()) {
                int ignored = (int) Libbpf.bpf_program__set_type.invokeExact(program, BPF_PROG_TYPE_XDP);
                ignored = (int) Libbpf.bpf_program__set_expected_attach_type.invokeExact(program, BPF_XDP);
            }
            programs.add(p);
        }
        MemorySegment map = MemorySegment.NULL;
        while (!(map = (MemorySegment) Libbpf.bpf_object__next_map.invokeExact(object, map))
                .equals(MemorySegment.NULL)) {
            maps.add(new BpfMap(this, map));
        }
    }

    private RodataLayout.Variable rodataVariable(String name) {
        requireOpen();
        if (loaded) {
            throw new BpfOpenException("global " + name + " in " + path + " cannot be set after load", 0);
        }
        RodataLayout.Variable variable = RodataLayout.read(object).get(name);
        if (variable == null) {
            throw new BpfOpenException("global " + name + " not found in .rodata of " + path
                    + " (declare it as const volatile)", 0);
        }
        return variable;
    }

    private MemorySegment rodata(RodataLayout.Variable variable) {
        BpfMap rodata = maps.stream().filter(m -> m.name().endsWith(".rodata")).findFirst()
                .orElseThrow(() -> new BpfOpenException("no .rodata map in " + path, 0));
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment size = scratch.allocate(JAVA_LONG);
            MemorySegment data = (MemorySegment) Libbpf.bpf_map__initial_value.invokeExact(rodata.handle(), size);
            long length = size.get(JAVA_LONG, 0);
            if (data.equals(MemorySegment.NULL) || variable.offset() + variable.size() > length) {
                throw new BpfOpenException("cannot write global " + variable.name() + " in " + path, 0);
            }
            return data.reinterpret(length);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
