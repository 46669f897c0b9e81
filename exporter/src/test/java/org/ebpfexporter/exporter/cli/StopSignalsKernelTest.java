package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGTERM, SIGINT and SIGHUP stop the daemon promptly at any moment, and leave no program of its
 * process in the kernel: during start-up (here while the kernel verifies {@code e2e_slow}'s
 * programs, which takes seconds) and once it runs.
 */
@KernelTest
class StopSignalsKernelTest {
    /** How soon a signal must end the process: promptly, whatever start-up is doing. */
    private static final Duration PROMPTLY = Duration.ofSeconds(3);
    private static final Duration START_UP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0} during start-up ends the process with status {1}")
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void signalDuringStartUpEndsAtOnceAndLeavesNothingLoaded(String signal, int status) throws Exception {
        E2eFiles.configDir(dir);
        E2eFiles.configDir(dir, "e2e_slow");
        try (DaemonProcess daemon = DaemonProcess.start(dir, List.of(), "--config.dir=" + dir,
                "--config.names=" + E2eFiles.CONFIG + ",e2e_slow", "--web.listen-address=127.0.0.1:0")) {
            // e2e_syscalls is loaded and attached; e2e_slow's programs are being verified.
            DaemonProcess.await(START_UP, "the first config's programs", () -> !daemon.programIds().isEmpty());
            Set<Integer> programs = daemon.programIds();
            daemon.signal(signal);
            assertEquals(status, daemon.awaitExit(PROMPTLY), daemon.stderr());
            String log = daemon.stderr();
            assertTrue(log.contains("received SIG" + signal + " during start-up"), log);
            assertFalse(log.contains("running configs"), "start-up had finished: " + log);
            DaemonProcess.awaitUnloaded(programs);
        }
    }

    @Test
    void sighupOnceRunningDetachesEverythingAndExitsZero() throws Exception {
        E2eFiles.configDir(dir);
        try (DaemonProcess daemon = DaemonProcess.start(dir, List.of(), "--config.dir=" + dir,
                "--config.names=" + E2eFiles.CONFIG, "--web.listen-address=127.0.0.1:0")) {
            daemon.awaitLog("running configs", START_UP);
            Set<Integer> programs = daemon.programIds();
            assertFalse(programs.isEmpty());
            daemon.signal("HUP");
            assertEquals(0, daemon.awaitExit(Duration.ofSeconds(30)), daemon.stderr());
            assertTrue(daemon.stderr().contains("received SIGHUP: stopping"), daemon.stderr());
            assertTrue(daemon.stderr().contains("every program detached"), daemon.stderr());
            DaemonProcess.awaitUnloaded(programs);
        }
    }
}
