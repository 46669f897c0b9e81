package org.ebpfexporter.bpf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Lists the loaded programs; programs unloaded while listing are left out. */
    public static List<ProgramInfo> list() {
        NativeLibraries.requireLibbpf();
        List<ProgramInfo> programs = new ArrayList<>();
        for (int id = ProgramInfos.nextId(0); id > 0; id = ProgramInfos.nextId(id)) {
            int fd = ProgramInfos.open(id);
            if (fd < 0) {
                continue;
            }
            try {
                programs.add(ProgramInfo.ofFd(fd));
            } finally {
                FileDescriptors.close(fd);
            }
        }
        return programs;
    }
}
