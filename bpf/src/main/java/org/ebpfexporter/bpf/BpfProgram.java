package org.ebpfexporter.bpf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebpfexporter.bpf.internal.Errno;
import org.ebpfexporter.bpf.internal.FileDescriptors;
import org.ebpfexporter.bpf.internal.LibC;
import org.ebpfexporter.bpf.internal.Libbpf;
import org.ebpfexporter.bpf.internal.Native;
import org.ebpfexporter.bpf.internal.PerfEventSection;
import org.ebpfexporter.bpf.internal.PerfEvents;

/**
 * A program of a {@link BpfObject}. {@link #attach()} follows the section name as libbpf does,
 * plus upstream ebpf_exporter's {@code perf_event/...} and {@code xdp/<ifname>} sections;
 * {@link #attachUprobe} and {@link #attachUsdt} attach to a binary chosen at run time.
 */
public final class BpfProgram {
    private static final String XDP_PREFIX = "xdp/";
    private static final int UPROBE_OPTS_SIZE = 40;
    /** Attach to every process that maps the binary. */
    public static final int ALL_PROCESSES = -1;

    private final BpfObject object;
    private final MemorySegment handle;
    private final String name;
    private final String section;

    BpfProgram(BpfObject object, MemorySegment handle) throws Throwable {
        this.object = object;
        this.handle = handle;
        this.name = Native.string((MemorySegment) Libbpf.bpf_program__name.invokeExact(handle));
        this.section = Native.string((MemorySegment) Libbpf.bpf_program__section_name.invokeExact(handle));
    }

    /** The program's C function name. */
    public String name() {
        return name;
    }

    /** The ELF section name, such as {@code tp_btf/timer_start}. */
    public String section() {
        return section;
    }

    /** The object this program belongs to. */
    public BpfObject object() {
        return object;
    }

    /** The kernel's {@code enum bpf_prog_type} value. */
    public int type() {
        try {
            return (int) Libbpf.bpf_program__type.invokeExact(handle);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** The program's file descriptor once loaded, or a negative value. */
    public int fd() {
        try {
            return (int) Libbpf.bpf_program__fd.invokeExact(handle);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * Attaches the program as its section name says.
     *
     * @throws BpfAttachException naming the program, section and errno
     */
    public BpfLink attach() {
        object.requireOpen();
        if (section.startsWith(PerfEventSection.PREFIX)) {
            return attachPerfEvent();
        }
        Optional<String> xdpInterface = xdpInterface();
        if (xdpInterface.isPresent()) {
            return attachXdp(xdpInterface.get());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment link = (MemorySegment) Libbpf.bpf_program__attach.invokeExact(state, handle);
            return track(link, state, "attaching", null);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * Attaches a {@code uprobe} (or {@code uretprobe}) program to a function of a binary.
     *
     * @param binary    an executable or shared library
     * @param function  the symbol to probe
     * @param pid       the process to probe, or {@link #ALL_PROCESSES}
     * @param retprobe  probe the function's return rather than its entry
     */
    public BpfLink attachUprobe(Path binary, String function, int pid, boolean retprobe) {
        object.requireOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment opts = arena.allocate(UPROBE_OPTS_SIZE, 8);
            opts.set(JAVA_LONG, 0, UPROBE_OPTS_SIZE);
            opts.set(JAVA_BYTE, 24, (byte) (retprobe ? 1 : 0));
            opts.set(ADDRESS, 32, arena.allocateFrom(function));
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment link = (MemorySegment) Libbpf.bpf_program__attach_uprobe_opts.invokeExact(state, handle,
                    pid, arena.allocateFrom(binary.toString()), 0L, opts);
            return track(link, state, "attaching to " + binary + ":" + function, binary);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * Attaches a {@code usdt} program to a statically defined probe of a binary (for example
     * HotSpot's {@code hotspot:thread__start} in {@code libjvm.so}).
     *
     * @param pid the process to probe, or {@link #ALL_PROCESSES}
     */
    public BpfLink attachUsdt(Path binary, String provider, String probe, int pid) {
        object.requireOpen();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            MemorySegment link = (MemorySegment) Libbpf.bpf_program__attach_usdt.invokeExact(state, handle, pid,
                    arena.allocateFrom(binary.toString()), arena.allocateFrom(provider), arena.allocateFrom(probe),
                    MemorySegment.NULL);
            return track(link, state, "attaching to " + binary + ":" + provider + ":" + probe, binary);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * The kernel's view of the loaded program: id, tag, and run statistics.
     *
     * @throws IllegalStateException before load
     */
    public ProgramInfo info() {
        int fd = fd();
        if (fd < 0) {
            throw new IllegalStateException("program " + name + " of " + object.path() + " is not loaded");
        }
        return ProgramInfo.ofFd(fd);
    }

    @Override
    public String toString() {
        return "BpfProgram[" + name + " in " + section + "]";
    }

    /** Sets the program and expected attach type before load, for a section libbpf does not know. */
    void setType(int type, int expectedAttachType) throws Throwable {
        int result = (int) Libbpf.bpf_program__set_type.invokeExact(handle, type);
        if (result < 0) {
            throw new BpfOpenException("setting the type of program " + name + " (" + section + ") of "
                    + object.path() + " to " + type + " failed", -result);
        }
        result = (int) Libbpf.bpf_program__set_expected_attach_type.invokeExact(handle, expectedAttachType);
        if (result < 0) {
            throw new BpfOpenException("setting the expected attach type of program " + name + " (" + section
                    + ") of " + object.path() + " to " + expectedAttachType + " failed", -result);
        }
    }

    Optional<String> xdpInterface() {
        if (!section.startsWith(XDP_PREFIX)) {
            return Optional.empty();
        }
        String target = section.substring(XDP_PREFIX.length());
        // xdp/devmap and xdp/cpumap are libbpf's own program kinds, not interface names.
        return target.isEmpty() || target.equals("devmap") || target.equals("cpumap")
                ? Optional.empty() : Optional.of(target);
    }

    private BpfLink attachPerfEvent() {
        PerfEventSection event;
        try {
            event = PerfEventSection.parse(section);
        } catch (IllegalArgumentException e) {
            throw new BpfAttachException(describe("attaching") + ": " + e.getMessage(), 0);
        }
        List<MemorySegment> links = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            for (int cpu : PerfEvents.onlineCpus()) {
                int fd = PerfEvents.open(event, cpu);
                if (fd < 0) {
                    throw new BpfAttachException(describe("opening perf event type=" + event.type() + ",config="
                            + event.config() + " on cpu " + cpu + " for"), -fd, PrivilegeNeeds.toOpenPerfEvents());
                }
                MemorySegment state = Errno.allocateState(arena);
                MemorySegment link = (MemorySegment) Libbpf.bpf_program__attach_perf_event.invokeExact(state, handle, fd);
                if (link.equals(MemorySegment.NULL)) {
                    FileDescriptors.close(fd);
                    throw new BpfAttachException(describe("attaching perf event on cpu " + cpu + " to"),
                            Errno.read(state), attachNeeds(null));
                }
                links.add(link);
            }
        } catch (Throwable t) {
            int errno = BpfLink.destroyAll(links);
            if (errno != 0) {
                t.addSuppressed(new BpfAttachException(describe("detaching the perf events attached so far of"),
                        errno));
            }
            throw Native.rethrow(t);
        }
        return object.track(new BpfLink(this, links));
    }

    private BpfLink attachXdp(String interfaceName) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            int ifindex = (int) LibC.if_nametoindex.invokeExact(state, arena.allocateFrom(interfaceName));
            if (ifindex == 0) {
                throw new BpfAttachException(describe("attaching to interface " + interfaceName + ":"
                        + " no such interface;"), Errno.read(state));
            }
            MemorySegment link = (MemorySegment) Libbpf.bpf_program__attach_xdp.invokeExact(state, handle, ifindex);
            return track(link, state, "attaching to interface " + interfaceName, null);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** The link, tracked by the object; or, for a NULL link, the failure, explained for {@code binary} if given. */
    private BpfLink track(MemorySegment link, MemorySegment state, String operation, Path binary) {
        if (link.equals(MemorySegment.NULL)) {
            throw new BpfAttachException(describe(operation), Errno.read(state), attachNeeds(binary));
        }
        return object.track(new BpfLink(this, List.of(link)));
    }

    private PrivilegeNeeds attachNeeds(Path binary) {
        return PrivilegeNeeds.toAttach(type(), section, binary);
    }

    private String describe(String operation) {
        return operation + " program " + name + " (" + section + ") of " + object.path() + " failed";
    }
}
