package org.ebpfexporter.bpf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ebpfexporter.bpf.internal.Errno;
import org.ebpfexporter.bpf.internal.FileDescriptors;
import org.ebpfexporter.bpf.internal.NativeLibraries;
import org.ebpfexporter.bpf.internal.ProgramInfos;

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
        int id = 0;
        while (true) {
            int next = ProgramInfos.nextId(id);
            if (next < 0) {
                refusedUnlessGone(-next, "listing the loaded programs after id " + id + " failed");
                return programs;
            }
            id = next;
            int fd = ProgramInfos.open(id);
            if (fd < 0) {
                refusedUnlessGone(-fd, "opening loaded program " + id + " failed");
                continue;
            }
            try {
                programs.add(ProgramInfo.ofFd(fd));
            } finally {
                FileDescriptors.close(fd);
            }
        }
    }

    /** ENOENT means no further program, or one unloaded meanwhile; any other errno is a failure. */
    private static void refusedUnlessGone(int errno, String operation) {
        if (errno != Errno.ENOENT) {
            throw new BpfProgramException(operation, errno, PrivilegeNeeds.toListPrograms());
        }
    }
}
