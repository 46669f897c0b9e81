package org.ebpfexporter.bpf.internal;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;
import org.ebpfexporter.bpf.internal.binding.perf_event_attr;

/** Opens perf events with {@code perf_event_open(2)} and lists the online CPUs to open them on. */
public final class PerfEvents {
    /**
     * jextract skips bitfields, so the word of {@code perf_event_attr}'s one-bit flags, which
     * follows {@code read_format}, is set by hand: {@code freq} is its bit 10 (after disabled,
     * inherit, pinned, exclusive, exclude_user, exclude_kernel, exclude_hv, exclude_idle, mmap,
     * comm), read in native order as the kernel does.
     */
    private static final long FLAGS_OFFSET = perf_event_attr.read_format$offset() + JAVA_LONG.byteSize();
    private static final long FLAG_FREQ = 1L << 10;

    private PerfEvents() {}

    /**
     * Opens the event for all processes on one CPU.
     *
     * @return the perf event file descriptor, or {@code -errno}
     */
    public static int open(PerfEventSection event, int cpu) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = attributes(event, arena);
            MemorySegment state = Errno.allocateState(arena);
            long fd = (long) LibC.syscall_perf_event_open.invokeExact(state, LibC.SYS_PERF_EVENT_OPEN, attr,
                    -1, cpu, -1, LibbpfBinding.PERF_FLAG_FD_CLOEXEC());
            return fd < 0 ? -Errno.read(state) : (int) fd;
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }

    /** The {@code struct perf_event_attr} that asks for the event. */
    static MemorySegment attributes(PerfEventSection event, Arena arena) {
        MemorySegment attr = perf_event_attr.allocate(arena);
        perf_event_attr.type(attr, event.type());
        perf_event_attr.size(attr, (int) perf_event_attr.sizeof());
        perf_event_attr.config(attr, event.config());
        if (event.frequency() > 0) {
            perf_event_attr.sample_freq(attr, event.frequency());
            attr.set(JAVA_LONG, FLAGS_OFFSET, FLAG_FREQ);
        } else {
            perf_event_attr.sample_period(attr, Math.max(1, event.period()));
        }
        return attr;
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
