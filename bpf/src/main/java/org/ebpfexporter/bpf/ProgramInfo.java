package org.ebpfexporter.bpf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import org.ebpfexporter.bpf.internal.Errno;
import org.ebpfexporter.bpf.internal.Libbpf;
import org.ebpfexporter.bpf.internal.Native;

/**
 * The kernel's information about a loaded program ({@code struct bpf_prog_info}).
 *
 * @param id           the program id, as {@code bpftool prog list} shows it
 * @param type         {@code enum bpf_prog_type}
 * @param name         the name the kernel keeps (at most 15 characters)
 * @param tag          the program tag as 16 hex digits
 * @param runTimeNanos total run time; counted only while {@code kernel.bpf_stats_enabled} is 1
 * @param runCount     number of runs; counted only while {@code kernel.bpf_stats_enabled} is 1
 */
public record ProgramInfo(int id, int type, String name, String tag, long runTimeNanos, long runCount) {
    private static final int INFO_SIZE = 256;

    static ProgramInfo ofFd(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(INFO_SIZE, 8);
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, INFO_SIZE);
            MemorySegment state = Errno.allocateState(arena);
            int result = (int) Libbpf.bpf_obj_get_info_by_fd.invokeExact(state, fd, info, length);
            if (result < 0) {
                throw new BpfProgramException("reading program info of fd " + fd + " failed", Errno.read(state));
            }
            byte[] tag = info.asSlice(8, 8).toArray(JAVA_BYTE);
            return new ProgramInfo(info.get(JAVA_INT, 4), info.get(JAVA_INT, 0), info.getString(64),
                    HexFormat.of().formatHex(tag), info.get(JAVA_LONG, 192), info.get(JAVA_LONG, 200));
        } catch (BpfException e) {
            throw e;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
