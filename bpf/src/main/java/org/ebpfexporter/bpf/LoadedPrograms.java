package org.ebpfexporter.bpf;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ebpfexporter.bpf.internal.Errno;
import org.ebpfexporter.bpf.internal.FileDescriptors;
import org.ebpfexporter.bpf.internal.Libbpf;
import org.ebpfexporter.bpf.internal.Native;
import org.ebpfexporter.bpf.internal.NativeLibraries;

/**
 * Every BPF program loaded in the kernel, by anyone: what {@code bpftool prog list} shows; and the
 * ids of the programs this JVM loaded, so that a check for leftovers can ignore other processes.
 */
public final class LoadedPrograms {
    private static final Set<Integer> LOADED_HERE = ConcurrentHashMap.newKeySet();

    private LoadedPrograms() {}

    /** The ids of every program that a {@link BpfObject} of this JVM has loaded, closed or not. */
    public static Set<Integer> loadedByThisJvm() {
        return Set.copyOf(LOADED_HERE);
    }

    static void recordLoaded(int id) {
        LOADED_HERE.add(id);
    }

    /**
     * Lists the loaded programs; programs unloaded while listing are left out.
     *
     * @throws BpfProgramException when the kernel refuses (listing needs CAP_SYS_ADMIN)
     */
    public static List<ProgramInfo> list() {
        NativeLibraries.requireLibbpf();
        List<ProgramInfo> programs = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment next = arena.allocate(JAVA_INT);
            MemorySegment state = Errno.allocateState(arena);
            int id = 0;
            while (true) {
                if ((int) Libbpf.bpf_prog_get_next_id.invokeExact(state, id, next) != 0) {
                    refusedUnlessGone(state, "listing the loaded programs after id " + id + " failed");
                    return programs;
                }
                id = next.get(JAVA_INT, 0);
                int fd = (int) Libbpf.bpf_prog_get_fd_by_id.invokeExact(state, id);
                if (fd < 0) {
                    refusedUnlessGone(state, "opening loaded program " + id + " failed");
                    continue;
                }
                try {
                    programs.add(ProgramInfo.ofFd(fd));
                } finally {
                    FileDescriptors.close(fd);
                }
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** ENOENT means no further program, or one unloaded meanwhile; any other errno is a failure. */
    private static void refusedUnlessGone(MemorySegment state, String operation) {
        int errno = Errno.read(state);
        if (errno != Errno.ENOENT) {
            throw new BpfProgramException(operation, errno, PrivilegeNeeds.toListPrograms());
        }
    }
}
