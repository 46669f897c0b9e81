package org.ebpfexporter.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ebpfexporter.bpf.internal.ErrnoException;
import org.ebpfexporter.bpf.internal.LibbpfPrinter;
import org.ebpfexporter.bpf.internal.MapHandle;
import org.ebpfexporter.bpf.internal.NativeLibraries;
import org.ebpfexporter.bpf.internal.ObjectHandle;
import org.ebpfexporter.bpf.internal.PerfEventSection;
import org.ebpfexporter.bpf.internal.ProgramHandle;
import org.ebpfexporter.bpf.internal.RodataVariable;

/**
 * A BPF object file opened with libbpf: set read-only globals, load, attach its programs, read its
 * maps, close. Closing detaches every link attached through this object and unloads it.
 *
 * <p>Not thread-safe for opening, loading and attaching; once loaded, its maps may be read from
 * any thread.
 */
public final class BpfObject implements AutoCloseable {
    private final Path path;
    private final ObjectHandle handle;
    private final List<BpfProgram> programs = new ArrayList<>();
    private final List<BpfMap> maps = new ArrayList<>();
    private final Deque<BpfLink> links = new ArrayDeque<>();
    private boolean loaded;
    private boolean closed;

    private BpfObject(Path path, ObjectHandle handle) {
        this.path = path;
        this.handle = handle;
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
        ObjectHandle handle;
        try {
            handle = ObjectHandle.open(file.toString(), btfPath(btfCustomPath));
        } catch (ErrnoException e) {
            throw new BpfOpenException("opening " + file + " failed", e.errno());
        }
        return discovered(file, handle);
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
        ObjectHandle handle;
        try {
            handle = ObjectHandle.openMemory(image, objectName, btfPath(btfCustomPath));
        } catch (ErrnoException e) {
            throw new BpfOpenException("opening " + path + " failed", e.errno());
        }
        return discovered(path, handle);
    }

    private static String btfPath(Path btfCustomPath) {
        return btfCustomPath == null ? null : btfCustomPath.toString();
    }

    /** The object of an open handle with its programs and maps found; closed again if that fails. */
    private static BpfObject discovered(Path path, ObjectHandle handle) {
        BpfObject opened = new BpfObject(path, handle);
        try {
            opened.discover();
        } catch (RuntimeException | Error e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    /** The object file this was opened from, or the name it was opened under from memory. */
    public Path path() {
        return path;
    }

    /** Whether the object has a read-only global of that name in {@code .rodata}. */
    public boolean hasGlobal(String name) {
        return rodataVariables().containsKey(name);
    }

    /**
     * Writes a little-endian integer into a read-only global ({@code const volatile} in
     * {@code .rodata}) before load; the variable may be 1, 2, 4 or 8 bytes wide.
     *
     * @throws BpfOpenException when there is no such variable, or after load
     */
    public void setGlobal(String name, long value) {
        RodataVariable variable = rodataVariable(name);
        ByteBuffer bytes = ByteBuffer.allocate(variable.size()).order(ByteOrder.nativeOrder());
        switch (variable.size()) {
            case 1 -> bytes.put((byte) value);
            case 2 -> bytes.putShort((short) value);
            case 4 -> bytes.putInt((int) value);
            case 8 -> bytes.putLong(value);
            default -> throw new BpfOpenException("global " + name + " in " + path + " is " + variable.size()
                    + " bytes wide, not an integer", 0);
        }
        writeRodata(variable, bytes.array());
    }

    /** Copies raw bytes into a read-only global before load; the length must match its size. */
    public void setGlobal(String name, byte[] value) {
        RodataVariable variable = rodataVariable(name);
        if (value.length != variable.size()) {
            throw new BpfOpenException("global " + name + " in " + path + " is " + variable.size()
                    + " bytes wide, got " + value.length, 0);
        }
        writeRodata(variable, value);
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
        ObjectHandle.LoadResult result = handle.load();
        if (result.errno() != 0) {
            throw new BpfLoadException(path.toString(), result.errno(), result.verifierLog(), PrivilegeNeeds.toLoad(
                    programs.stream().map(BpfProgram::type).toList(), maps.stream().map(BpfMap::type).toList()));
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
        // Every link is destroyed and the object closed even when a detach fails; the first failure is thrown.
        RuntimeException failure = null;
        while (!links.isEmpty()) {
            try {
                links.pop().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        handle.close();
        if (failure != null) {
            throw failure;
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
    private void discover() {
        for (ProgramHandle program : handle.programs()) {
            BpfProgram p = new BpfProgram(this, program);
            if (p.section().startsWith(PerfEventSection.PREFIX)) {
                p.setPerfEventType();
            } else if (p.xdpInterface().isPresent()) {
                p.setXdpType();
            }
            programs.add(p);
        }
        for (MapHandle map : handle.maps()) {
            maps.add(new BpfMap(this, map));
        }
    }

    /** The variables of {@code .rodata}. */
    private Map<String, RodataVariable> rodataVariables() {
        try {
            return handle.rodataVariables();
        } catch (IllegalStateException e) {
            throw new BpfOpenException("reading the .rodata layout of " + path + " failed: " + e.getMessage(), 0);
        }
    }

    private RodataVariable rodataVariable(String name) {
        requireOpen();
        if (loaded) {
            throw new BpfOpenException("global " + name + " in " + path + " cannot be set after load", 0);
        }
        RodataVariable variable = rodataVariables().get(name);
        if (variable == null) {
            throw new BpfOpenException("global " + name + " not found in .rodata of " + path
                    + " (declare it as const volatile)", 0);
        }
        return variable;
    }

    private void writeRodata(RodataVariable variable, byte[] bytes) {
        BpfMap rodata = maps.stream().filter(m -> m.name().endsWith(".rodata")).findFirst()
                .orElseThrow(() -> new BpfOpenException("no .rodata map in " + path, 0));
        if (!rodata.handle().writeInitialValue(variable.offset(), bytes)) {
            throw new BpfOpenException("cannot write global " + variable.name() + " in " + path, 0);
        }
    }
}
