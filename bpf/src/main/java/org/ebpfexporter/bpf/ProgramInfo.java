package org.ebpfexporter.bpf;

import org.ebpfexporter.bpf.internal.ErrnoException;
import org.ebpfexporter.bpf.internal.ProgramInfos;

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

    static ProgramInfo ofFd(int fd) {
        try {
            return ProgramInfos.read(fd);
        } catch (ErrnoException e) {
            throw new BpfProgramException("reading program info of fd " + fd + " failed", e.errno());
        }
    }
}
