package org.ebpfexporter.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebpfexporter.bpf.LoadedPrograms;
import org.ebpfexporter.bpf.ProgramInfo;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing second config leaves nothing of the first attached. */
@KernelTest
class ExporterCleanupKernelTest {
    private static final String SECOND = "e2e_second";

    @TempDir
    Path dir;

    @Test
    void firstConfigIsUnloadedWhenTheSecondFails() throws Exception {
        E2eFiles.configDir(dir);
        Files.copy(dir.resolve(E2eFiles.CONFIG + ".bpf.o"), dir.resolve(SECOND + ".bpf.o"));
        // Valid YAML whose metric has no map of its name: it fails after the first object is attached.
        Files.writeString(dir.resolve(SECOND + ".yaml"), Files.readString(dir.resolve(E2eFiles.CONFIG + ".yaml"))
                .replace("name: e2e_syscalls_total", "name: e2e_second_total"));
        Set<Integer> before = LoadedPrograms.loadedByThisJvm();

        ConfigException e = assertThrows(ConfigException.class,
                () -> Exporter.start(dir, List.of(E2eFiles.CONFIG, SECOND), new DecoderErrors()));

        assertTrue(e.getMessage().startsWith(dir.resolve(SECOND + ".yaml") + ": counter e2e_second_total: map "
                + "e2e_second_total not found in "), e.getMessage());
        assertTrue(LoadedPrograms.loadedByThisJvm().size() > before.size(), "the first config was loaded");
        Set<Integer> left = stillLoaded(before);
        // The kernel frees a closed program after an RCU grace period: allow it up to five seconds.
        for (int attempt = 0; attempt < 50 && !left.isEmpty(); attempt++) {
            Thread.sleep(100);
            left = stillLoaded(before);
        }
        assertEquals(Set.of(), left, "programs of the first config still loaded");
    }

    /** Programs this JVM loaded since {@code before} that the kernel still has. */
    private static Set<Integer> stillLoaded(Set<Integer> before) {
        Set<Integer> loaded = new HashSet<>(LoadedPrograms.loadedByThisJvm());
        loaded.removeAll(before);
        loaded.retainAll(LoadedPrograms.list().stream().map(ProgramInfo::id).toList());
        return loaded;
    }
}
