package org.ebpfexporter.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.BpfProgram;
import org.ebpfexporter.bpf.ProgramInfo;

/**
 * The kernel-side cost of example programs: with {@code kernel.bpf_stats_enabled} on, each
 * example is attached for a while on an idle machine and under a busy workload, and the kernel's
 * run count and run time give events per second and nanoseconds per event.
 *
 * <p>Usage (root): {@code java --enable-native-access=ALL-UNNAMED -cp benchmark/target/benchmarks.jar
 * org.ebpfexporter.benchmark.ProgramOverhead examples 10 timers syscalls ...} — the examples
 * directory, seconds per phase, then config names. The busy workload runs a shell loop of short
 * processes and file writes with fsync on every CPU.
 */
public final class ProgramOverhead {
    private static final Path BPF_STATS = Path.of("/proc/sys/kernel/bpf_stats_enabled");

    private ProgramOverhead() {}

    public static void main(String[] args) throws Exception {
        Path examples = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String previous = Files.readString(BPF_STATS).strip();
        Files.writeString(BPF_STATS, "1");
        try {
            System.out.println("| Config | Program | Events/s idle | Events/s busy | ns per event (busy) |");
            System.out.println("|--------|---------|--------------:|--------------:|--------------------:|");
            for (int i = 2; i < args.length; i++) {
                measure(examples, args[i], seconds);
            }
        } finally {
            Files.writeString(BPF_STATS, previous);
        }
    }

    private static void measure(Path examples, String config, int seconds) throws Exception {
        try (BpfObject object = BpfObject.open(examples.resolve(config + ".bpf.o"))) {
            object.load();
            object.attachAll();
            Map<String, ProgramInfo> start = infos(object);
            Thread.sleep(seconds * 1000L);
            Map<String, ProgramInfo> idle = infos(object);
            List<Process> load = busyWorkload();
            try {
                Thread.sleep(seconds * 1000L);
            } finally {
                load.forEach(Process::destroyForcibly);
            }
            Map<String, ProgramInfo> busy = infos(object);
            for (BpfProgram program : object.programs()) {
                ProgramInfo a = start.get(program.name());
                ProgramInfo b = idle.get(program.name());
                ProgramInfo c = busy.get(program.name());
                long busyRuns = c.runCount() - b.runCount();
                System.out.printf("| %s | %s | %.0f | %.0f | %s |%n", config, program.name(),
                        (b.runCount() - a.runCount()) / (double) seconds, busyRuns / (double) seconds,
                        busyRuns == 0 ? "-" : String.format("%.0f", (c.runTimeNanos() - b.runTimeNanos()) / (double) busyRuns));
            }
        }
    }

    private static Map<String, ProgramInfo> infos(BpfObject object) {
        Map<String, ProgramInfo> infos = new HashMap<>();
        object.programs().forEach(p -> infos.put(p.name(), p.info()));
        return infos;
    }

    private static List<Process> busyWorkload() throws IOException {
        List<Process> processes = new ArrayList<>();
        for (int cpu = 0; cpu < Runtime.getRuntime().availableProcessors(); cpu++) {
            processes.add(new ProcessBuilder("/bin/sh", "-c",
                    "while :; do ls /usr/lib >/dev/null; dd if=/dev/zero of=/tmp/overhead." + cpu
                            + " bs=64k count=16 conv=fsync 2>/dev/null; done")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        return processes;
    }

    static {
        // Processes left by an interrupted run would skew the next one.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(p -> p.destroyForcibly())));
    }
}
