package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command in a child JVM: serving, stopping on SIGTERM, and failing start-up with one line. */
@KernelTest
class MainKernelTest {
    @TempDir
    Path dir;

    @Test
    void servesMetricsAndExitsZeroOnSigterm() throws Exception {
        E2eFiles.configDir(dir);
        int port = E2eFiles.freePort();
        Process process = start(List.of(), "--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG,
                "--web.listen-address=127.0.0.1:" + port);
        try {
            String metrics = awaitMetrics(process, port);
            // No e2e thread ran, so the counter has no samples yet: its config shows through the error counter.
            assertTrue(metrics.contains("ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} 0"), metrics);
            assertTrue(metrics.contains("jvm_threads_current"), metrics);
            assertTrue(metrics.contains("process_cpu_seconds_total"), metrics);
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "exporter did not stop on SIGTERM");
            assertEquals(0, process.exitValue(), stderr(process));
            assertTrue(stderr(process).contains("every program detached"), stderr(process));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void configCheckAttachesDetachesAndExitsZero() throws Exception {
        E2eFiles.configDir(dir);
        Process process = start(List.of(), "--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG,
                "--config.check");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), stderr(process));
        assertEquals("config check successful: [e2e_syscalls]",
                Files.readString(dir.resolve("stdout.txt")).strip());
    }

    @Test
    void missingObjectFailsWithOneLine() throws Exception {
        E2eFiles.configDir(dir);
        Path object = dir.resolve(E2eFiles.CONFIG + ".bpf.o");
        Files.delete(object);
        Process process = start(List.of(), "--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG,
                "--web.listen-address=127.0.0.1:0");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        List<String> lines = errorLines(process);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("ebpf-exporter: config e2e_syscalls: "), lines.getFirst());
        assertTrue(lines.getFirst().contains(object.toString()), lines.getFirst());
    }

    @Test
    void missingLibbpfFailsCleanly() throws Exception {
        E2eFiles.configDir(dir);
        Process process = start(List.of("-Debpf.exporter.libbpf=/nonexistent/libbpf.so.1"),
                "--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG, "--web.listen-address=127.0.0.1:0");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        List<String> lines = errorLines(process);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("ebpf-exporter: "), lines.getFirst());
        assertTrue(lines.getFirst().contains("libbpf"), lines.getFirst());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
        }
    }

    /** Starts Main in a child JVM working in {@link #dir}, its output in files there. */
    private Process start(List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private String stderr(Process process) throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }

    /** Lines of stderr other than the JVM's own warnings. */
    private List<String> errorLines(Process process) throws IOException {
        return stderr(process).lines().filter(l -> !l.startsWith("WARNING:")).toList();
    }

    private String awaitMetrics(Process process, int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return E2eFiles.get(port, "/metrics");
            } catch (IOException e) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("exporter did not serve: " + stderr(process), e);
                }
                Thread.sleep(100);
            }
        }
    }

}
