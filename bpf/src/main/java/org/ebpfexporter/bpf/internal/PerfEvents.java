package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens perf events with {@code perf_event_open(2)} and lists the online CPUs to open them on. */
public final class PerfEvents {
    private static final int ATTR_SIZE = 128;
    private static final long FLAG_FREQ = 1L << 10;
    private static final int PERF_FLAG_FD_CLOEXEC = 8;

    private PerfEvents() {}

    /**
     * Opens the event for all processes on one CPU.
     *
     * @return the perf event file descriptor, or {@code -errno}
     */
    public static int open(PerfEventSection event, int cpu) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, event.type());
            attr.set(JAVA_INT, 4, ATTR_SIZE);
            attr.set(JAVA_LONG, 8, event.config());
            if (event.frequency() > 0) {
                attr.set(JAVA_LONG, 16, event.frequency());
                attr.set(JAVA_LONG, 40, FLAG_FREQ);
            } else {
                attr.set(JAVA_LONG, 16, Math.max(1, event.period()));
            }
            MemorySegment state = Errno.allocateState(arena);
            long fd = (long) LibC.syscall_perf_event_open.invokeExact(state, LibC.SYS_PERF_EVENT_OPEN, attr,
                    -1, cpu, -1, (long) PERF_FLAG_FD_CLOEXEC);
            return fd < 0 ? -Errno.read(state) : (int) fd;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** The online CPUs, from {@code /sys/devices/system/cpu/online} (e.g. {@code 0-3,6}). */
    public static List<Integer> onlineCpus() {
        try {
            return parseCpuList(Files.readString(Path.of("/sys/devices/system/cpu/online")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the online CPUs", e);
        }
    }

    static List<Integer> parseCpuList(String text) {
        List<Integer> cpus = new ArrayList<>();
        for (String range : text.strip().split(",")) {
            if (range.isEmpty()) {
                continue;
            }
            String[] bounds = range.split("-");
            int first = Integer.parseInt(bounds[0]);
            int last = bounds.length > 1 ? Integer.parseInt(bounds[1]) : first;
            for (int cpu = first; cpu <= last; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }
}
