package org.ebpfexporter.bpf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebpfexporter.bpf.internal.ErrnoException;
import org.ebpfexporter.bpf.internal.FileDescriptors;
import org.ebpfexporter.bpf.internal.LinkHandle;
import org.ebpfexporter.bpf.internal.NetworkInterfaces;
import org.ebpfexporter.bpf.internal.PerfEventSection;
import org.ebpfexporter.bpf.internal.PerfEvents;
import org.ebpfexporter.bpf.internal.ProgramHandle;

/**
 * A program of a {@link BpfObject}. {@link #attach()} follows the section name as libbpf does,
 * plus upstream ebpf_exporter's {@code perf_event/...} and {@code xdp/<ifname>} sections;
 * {@link #attachUprobe} and {@link #attachUsdt} attach to a binary chosen at run time.
 */
public final class BpfProgram {
    private static final String XDP_PREFIX = "xdp/";
    /** Attach to every process that maps the binary. */
    public static final int ALL_PROCESSES = -1;

    private final BpfObject object;
    private final ProgramHandle handle;
    private final String name;
    private final String section;

    BpfProgram(BpfObject object, ProgramHandle handle) {
        this.object = object;
        this.handle = handle;
        this.name = handle.name();
        this.section = handle.section();
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
        return handle.type();
    }

    /** The program's file descriptor once loaded, or a negative value. */
    public int fd() {
        return handle.fd();
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
        try {
            return track(handle.attach());
        } catch (ErrnoException e) {
            throw new BpfAttachException(describe("attaching"), e.errno(), attachNeeds(null));
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
        try {
            return track(handle.attachUprobe(pid, binary.toString(), function, retprobe));
        } catch (ErrnoException e) {
            throw new BpfAttachException(describe("attaching to " + binary + ":" + function), e.errno(),
                    attachNeeds(binary));
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
        try {
            return track(handle.attachUsdt(pid, binary.toString(), provider, probe));
        } catch (ErrnoException e) {
            throw new BpfAttachException(describe("attaching to " + binary + ":" + provider + ":" + probe), e.errno(),
                    attachNeeds(binary));
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

    /** Makes a {@code perf_event/...} program, whose section libbpf does not know, a perf event program. */
    void setPerfEventType() {
        checkSetType(handle.setPerfEventType(), "BPF_PROG_TYPE_PERF_EVENT (expected attach type BPF_PERF_EVENT)");
    }

    /** Makes an {@code xdp/<ifname>} program, whose section libbpf does not know, an XDP program. */
    void setXdpType() {
        checkSetType(handle.setXdpType(), "BPF_PROG_TYPE_XDP (expected attach type BPF_XDP)");
    }

    private void checkSetType(int result, String type) {
        if (result < 0) {
            throw new BpfOpenException("setting the type of program " + name + " (" + section + ") of "
                    + object.path() + " to " + type + " failed", -result);
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
        List<LinkHandle> links = new ArrayList<>();
        try {
            for (int cpu : PerfEvents.onlineCpus()) {
                int fd = PerfEvents.open(event, cpu);
                if (fd < 0) {
                    throw new BpfAttachException(describe("opening perf event type=" + event.type() + ",config="
                            + event.config() + " on cpu " + cpu + " for"), -fd, PrivilegeNeeds.toOpenPerfEvents());
                }
                try {
                    links.add(handle.attachPerfEvent(fd));
                } catch (ErrnoException e) {
                    FileDescriptors.close(fd);
                    throw new BpfAttachException(describe("attaching perf event on cpu " + cpu + " to"), e.errno(),
                            attachNeeds(null));
                }
            }
        } catch (RuntimeException e) {
            int errno = BpfLink.destroyAll(links);
            if (errno != 0) {
                e.addSuppressed(new BpfAttachException(describe("detaching the perf events attached so far of"),
                        errno));
            }
            throw e;
        }
        return object.track(new BpfLink(this, links));
    }

    private BpfLink attachXdp(String interfaceName) {
        int ifindex;
        try {
            ifindex = NetworkInterfaces.index(interfaceName);
        } catch (ErrnoException e) {
            throw new BpfAttachException(describe("attaching to interface " + interfaceName + ":"
                    + " no such interface;"), e.errno());
        }
        try {
            return track(handle.attachXdp(ifindex));
        } catch (ErrnoException e) {
            throw new BpfAttachException(describe("attaching to interface " + interfaceName), e.errno(),
                    attachNeeds(null));
        }
    }

    private BpfLink track(LinkHandle link) {
        return object.track(new BpfLink(this, List.of(link)));
    }

    private PrivilegeNeeds attachNeeds(Path binary) {
        return PrivilegeNeeds.toAttach(type(), section, binary);
    }

    private String describe(String operation) {
        return operation + " program " + name + " (" + section + ") of " + object.path() + " failed";
    }
}
