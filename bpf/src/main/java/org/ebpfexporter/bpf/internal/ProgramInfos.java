package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import org.ebpfexporter.bpf.ProgramInfo;
import org.ebpfexporter.bpf.internal.binding.bpf_prog_info;

/** The kernel's {@code struct bpf_prog_info} of loaded programs, and the ids of all of them. */
public final class ProgramInfos {
    private ProgramInfos() {}

    /**
     * Reads the information of the program behind a file descriptor.
     *
     * @throws ErrnoException when the kernel refuses
     */
    public static ProgramInfo read(int fd) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = bpf_prog_info.allocate(arena);
            MemorySegment length = arena.allocateFrom(JAVA_INT, (int) bpf_prog_info.sizeof());
            MemorySegment state = Errno.allocateState(arena);
            int result = (int) LibbpfErrno.bpf_obj_get_info_by_fd.invokeExact(state, fd, info, length);
            if (result < 0) {
                throw new ErrnoException(Errno.read(state));
            }
            return new ProgramInfo(bpf_prog_info.id(info), bpf_prog_info.type(info),
                    bpf_prog_info.name(info).getString(0),
                    HexFormat.of().formatHex(bpf_prog_info.tag(info).toArray(JAVA_BYTE)),
                    bpf_prog_info.run_time_ns(info), bpf_prog_info.run_cnt(info));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * The id of the loaded program after {@code id} (0 for the first).
     *
     * @return the id, or {@code -errno} ({@code -ENOENT} after the last)
     */
    public static int nextId(int id) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment next = arena.allocate(JAVA_INT);
            MemorySegment state = Errno.allocateState(arena);
            int result = (int) LibbpfErrno.bpf_prog_get_next_id.invokeExact(state, id, next);
            return result < 0 ? -Errno.read(state) : next.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /**
     * Opens a file descriptor for the program with that id; close it with {@link FileDescriptors}.
     *
     * @return the descriptor, or {@code -errno} (for example when the program was unloaded meanwhile)
     */
    public static int open(int id) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Errno.allocateState(arena);
            int fd = (int) LibbpfErrno.bpf_prog_get_fd_by_id.invokeExact(state, id);
            return fd < 0 ? -Errno.read(state) : fd;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
