package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default configs are read from the jar, never unpacked: however the daemon ends
 * (stopped, SIGHUP, a signal during start-up, killed), its temporary directory stays empty.
 */
@KernelTest
class NoTempFilesKernelTest {
    private static final Duration START_UP = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private Path tmp;

    @BeforeEach
    void privateTempDir() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
    }

    @Test
    void stoppedBySigterm() throws Exception {
        try (DaemonProcess daemon = start()) {
            daemon.awaitLog("running configs", START_UP);
            daemon.signal("TERM");
            assertEquals(0, daemon.awaitExit(Duration.ofSeconds(30)), daemon.stderr());
        }
        assertNothingLeft();
    }

    @Test
    void stoppedBySighup() throws Exception {
        try (DaemonProcess daemon = start()) {
            daemon.awaitLog("running configs", START_UP);
            daemon.signal("HUP");
            assertEquals(0, daemon.awaitExit(Duration.ofSeconds(30)), daemon.stderr());
        }
        assertNothingLeft();
    }

    @Test
    void sigtermDuringStartUp() throws Exception {
        try (DaemonProcess daemon = start()) {
            // The first embedded config is loaded: start-up is under way.
            DaemonProcess.await(START_UP, "a loaded program", () -> !daemon.programIds().isEmpty());
            Set<Integer> programs = daemon.programIds();
            daemon.signal("TERM");
            int status = daemon.awaitExit(Duration.ofSeconds(30));
            // 143 when the signal came during start-up, as intended; 0 if start-up won the race.
            assertTrue(status == 143 || status == 0, "status " + status + ": " + daemon.stderr());
            DaemonProcess.awaitUnloaded(programs);
        }
        assertNothingLeft();
    }

    @Test
    void killed() throws Exception {
        try (DaemonProcess daemon = start()) {
            daemon.awaitLog("running configs", START_UP);
            Set<Integer> programs = daemon.programIds();
            daemon.signal("KILL");
            assertEquals(137, daemon.awaitExit(Duration.ofSeconds(30)));
            DaemonProcess.awaitUnloaded(programs);
        }
        assertNothingLeft();
    }

    private DaemonProcess start() throws IOException {
        return DaemonProcess.start(dir, List.of("-Djava.io.tmpdir=" + tmp), "--web.listen-address=127.0.0.1:0");
    }

    private void assertNothingLeft() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "files left in the temporary directory");
        }
    }
}
