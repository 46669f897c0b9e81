package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.junit.jupiter.api.Test;

/** Program ids, tags and run statistics come from the kernel. */
@KernelTest
class ProgramInfoTest {
    private static final Path BPF_STATS = Path.of("/proc/sys/kernel/bpf_stats_enabled");

    @Test
    void infoOfALoadedProgramMatchesTheKernelList() throws IOException {
        String previous = Files.readString(BPF_STATS).strip();
        Files.writeString(BPF_STATS, "1");
        try (BpfObject object = BpfTestSupport.load("probes.bpf.o")) {
            BpfProgram program = object.program("count_raw_tp").orElseThrow();
            program.attach();
            Syscalls.getppid(10);
            ProgramInfo info = program.info();
            assertTrue(info.id() > 0);
            assertEquals("count_raw_tp", info.name());
            assertTrue(info.tag().matches("[0-9a-f]{16}"), info.tag());
            assertTrue(info.runCount() >= 10, "run count " + info.runCount());
            assertTrue(info.runTimeNanos() > 0);
            assertTrue(LoadedPrograms.list().stream().anyMatch(p -> p.id() == info.id() && p.tag().equals(info.tag())));
        } finally {
            Files.writeString(BPF_STATS, previous);
        }
    }
}
