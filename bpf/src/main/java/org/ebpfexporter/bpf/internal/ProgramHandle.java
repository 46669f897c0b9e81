package org.ebpfexporter.bpf.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;
import org.ebpfexporter.bpf.internal.binding.bpf_uprobe_opts;

/** A libbpf {@code struct bpf_program}: its names, type, descriptor, and the ways to attach it. */
public final class ProgramHandle {
    private final MemorySegment program;

    ProgramHandle(MemorySegment program) {
        this.program = program;
    }

    /** The program's C function name. */
    public String name() {
        return Native.string(LibbpfBinding.bpf_program__name(program));
    }

    /** The ELF section name. */
    public String section() {
        return Native.string(LibbpfBinding.bpf_program__section_name(program));
    }

    /** The kernel's {@code enum bpf_prog_type} value. */
    public int type() {
        return LibbpfBinding.bpf_program__type(program);
    }

    /** The program's file descriptor once loaded, or a negative value. */
    public int fd() {
        return LibbpfBinding.bpf_program__fd(program);
    }

    /**
     * Makes it a {@code BPF_PROG_TYPE_PERF_EVENT} program before load, for sections libbpf does not
     * know ({@code perf_event/...}).
     *
     * @return 0, or libbpf's negative error code of the first call that failed
     */
    public int setPerfEventType() {
        return setType(LibbpfBinding.BPF_PROG_TYPE_PERF_EVENT(), LibbpfBinding.BPF_PERF_EVENT());
    }

    /**
     * Makes it a {@code BPF_PROG_TYPE_XDP} program before load, for {@code xdp/<ifname>} sections.
     *
     * @return 0, or libbpf's negative error code of the first call that failed
     */
    public int setXdpType() {
        return setType(LibbpfBinding.BPF_PROG_TYPE_XDP(), LibbpfBinding.BPF_XDP());
    }

    /**
     * Attaches the program as its section name says.
     *
     * @throws ErrnoException when libbpf cannot attach it
     */
    public LinkHandle attach() throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            return link((MemorySegment) LibbpfErrno.bpf_program__attach.invokeExact(state, program), state);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Attaches the program to an open perf event. */
    public LinkHandle attachPerfEvent(int perfEventFd) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            return link((MemorySegment) LibbpfErrno.bpf_program__attach_perf_event.invokeExact(
                    state, program, perfEventFd), state);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Attaches an XDP program to a network interface. */
    public LinkHandle attachXdp(int interfaceIndex) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            return link((MemorySegment) LibbpfErrno.bpf_program__attach_xdp.invokeExact(
                    state, program, interfaceIndex), state);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Attaches a uprobe (or uretprobe) to a function of a binary, in process {@code pid} or all (-1). */
    public LinkHandle attachUprobe(int pid, String binary, String function, boolean retprobe) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment opts = bpf_uprobe_opts.allocate(arena);
            bpf_uprobe_opts.sz(opts, bpf_uprobe_opts.sizeof());
            bpf_uprobe_opts.retprobe(opts, retprobe);
            bpf_uprobe_opts.func_name(opts, arena.allocateFrom(function));
            MemorySegment state = Errno.allocateState(arena);
            return link((MemorySegment) LibbpfErrno.bpf_program__attach_uprobe_opts.invokeExact(
                    state, program, pid, arena.allocateFrom(binary), 0L, opts), state);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** Attaches a USDT program to a probe of a binary, in process {@code pid} or all (-1). */
    public LinkHandle attachUsdt(int pid, String binary, String provider, String probe) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            return link((MemorySegment) LibbpfErrno.bpf_program__attach_usdt.invokeExact(state, program, pid,
                    arena.allocateFrom(binary), arena.allocateFrom(provider), arena.allocateFrom(probe),
                    MemorySegment.NULL), state);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    private int setType(int type, int expectedAttachType) {
        int result = LibbpfBinding.bpf_program__set_type(program, type);
        return result != 0 ? result : LibbpfBinding.bpf_program__set_expected_attach_type(program, expectedAttachType);
    }

    /** A link, or the errno of the attach call that returned NULL. */
    private static LinkHandle link(MemorySegment link, MemorySegment state) throws ErrnoException {
        if (link.equals(MemorySegment.NULL)) {
            throw new ErrnoException(Errno.read(state));
        }
        return new LinkHandle(link);
    }
}
