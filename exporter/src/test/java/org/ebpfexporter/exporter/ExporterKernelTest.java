package org.ebpfexporter.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.config.ConfigException;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads the test object, makes known system calls from a thread it counts, and scrapes them. */
@KernelTest
class ExporterKernelTest {
    private static final int GETPPID_CALLS = 37;
    private static final int GETPGRP_CALLS = 5;

    @TempDir
    Path dir;

    @Test
    void countsSyscallsEndToEnd() throws Throwable {
        E2eFiles.configDir(dir);
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        try (Exporter exporter = Exporter.start(dir, List.of(E2eFiles.CONFIG), errors)) {
            registry.register(exporter.collector());
            try (MetricsServer server = MetricsServer.start(ListenAddress.parse("127.0.0.1:0"), "/metrics", registry)) {
                makeSyscalls();
                String metrics = E2eFiles.get(server.port(), "/metrics");
                List<String> lines = metrics.lines().toList();
                assertTrue(lines.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getppid\"} 37"), metrics);
                assertTrue(lines.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getpgrp\"} 5"), metrics);
                assertTrue(lines.contains("# TYPE ebpf_exporter_e2e_syscalls_total counter"), metrics);
                assertTrue(lines.contains("ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} 0"), metrics);
                assertTrue(E2eFiles.get(server.port(), "/").contains("href=\"/metrics\""));
            }
        }
    }

    @Test
    void labelSizesMustMatchTheMapKey() throws Exception {
        E2eFiles.configDir(dir);
        Path yaml = dir.resolve(E2eFiles.CONFIG + ".yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("size: 8", "size: 4"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Exporter.start(dir, List.of(E2eFiles.CONFIG), new DecoderErrors()));
        assertEquals(yaml + ": counter e2e_syscalls_total: labels: sizes add up to 4 bytes but map "
                + "e2e_syscalls_total has 8 byte keys", e.getMessage());
    }

    @Test
    void metricNeedsAMapOfItsName() throws Exception {
        E2eFiles.configDir(dir);
        Path yaml = dir.resolve(E2eFiles.CONFIG + ".yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("name: e2e_syscalls_total", "name: other_total"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Exporter.start(dir, List.of(E2eFiles.CONFIG), new DecoderErrors()));
        assertTrue(e.getMessage().startsWith(yaml + ": counter other_total: map other_total not found in "), e.getMessage());
    }

    @Test
    void missingObjectNamesTheFile() throws Exception {
        E2eFiles.configDir(dir);
        Files.delete(dir.resolve(E2eFiles.CONFIG + ".bpf.o"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> Exporter.start(dir, List.of(E2eFiles.CONFIG), new DecoderErrors()));
        assertEquals("config " + E2eFiles.CONFIG + ": " + dir.resolve(E2eFiles.CONFIG + ".bpf.o") + ": no such file",
                e.getMessage());
    }

    /** Calls getppid and getpgrp from a thread whose kernel comm is the name the program counts. */
    private static void makeSyscalls() throws Throwable {
        Linker linker = Linker.nativeLinker();
        FunctionDescriptor returnsInt = FunctionDescriptor.of(ValueLayout.JAVA_INT);
        MethodHandle getppid = linker.downcallHandle(linker.defaultLookup().findOrThrow("getppid"), returnsInt);
        MethodHandle getpgrp = linker.downcallHandle(linker.defaultLookup().findOrThrow("getpgrp"), returnsInt);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                for (int i = 0; i < GETPPID_CALLS; i++) {
                    int ignored = (int) getppid.invokeExact();
                }
                for (int i = 0; i < GETPGRP_CALLS; i++) {
                    int ignored = (int) getpgrp.invokeExact();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, E2eFiles.THREAD_NAME);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
