package org.ebpfexporter.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ebpfexporter.bpf.LoadedPrograms;
import org.ebpfexporter.bpf.ProgramInfo;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.collector.BuiltinMetrics;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream's built-in metrics for real programs, and what --config.strict changes. */
@KernelTest
class BuiltinMetricsKernelTest {
    private static final String UNATTACHABLE = "e2e_unattachable";

    @TempDir
    Path dir;

    @Test
    void describeTheLoadedPrograms() throws Exception {
        E2eFiles.configDir(dir);
        copyUnattachable();
        try (Exporter exporter = Exporter.start(dir, List.of(E2eFiles.CONFIG, UNATTACHABLE), new DecoderErrors())) {
            PrometheusRegistry registry = new PrometheusRegistry();
            registry.register(new BuiltinMetrics(exporter.configNames(), exporter.programs(), new DecoderErrors()));
            try (MetricsServer server = MetricsServer.start(ListenAddress.parse("127.0.0.1:0"), "/metrics", registry)) {
                String metrics = E2eFiles.get(server.port(), "/metrics");
                List<String> lines = metrics.lines().toList();
                assertTrue(lines.contains("ebpf_exporter_enabled_configs{name=\"e2e_syscalls\"} 1"), metrics);
                assertTrue(lines.contains("ebpf_exporter_enabled_configs{name=\"e2e_unattachable\"} 1"), metrics);
                ProgramInfo counted = kernelInfo(exporter, E2eFiles.CONFIG);
                ProgramInfo failed = kernelInfo(exporter, UNATTACHABLE);
                assertTrue(lines.contains("ebpf_exporter_ebpf_program_info{config=\"e2e_syscalls\",id=\""
                        + counted.id() + "\",program=\"count_sys_enter\",tag=\"" + counted.tag() + "\"} 1"), metrics);
                assertTrue(lines.contains("ebpf_exporter_ebpf_program_info{config=\"e2e_unattachable\",id=\""
                        + failed.id() + "\",program=\"no_such_function\",tag=\"" + failed.tag() + "\"} 1"), metrics);
                assertTrue(lines.contains("ebpf_exporter_ebpf_program_attached{id=\"" + counted.id() + "\"} 1"), metrics);
                assertTrue(lines.contains("ebpf_exporter_ebpf_program_attached{id=\"" + failed.id() + "\"} 0"), metrics);
                assertTrue(lines.contains("# TYPE ebpf_exporter_build_info gauge"), metrics);
            }
        }
    }

    @Test
    void strictFailsOnAProgramThatDoesNotAttach() throws Exception {
        copyUnattachable();
        ExporterOptions strict = new ExporterOptions(null, true, 16, 16, JvmTarget.none());
        ExporterException e = assertThrows(ExporterException.class,
                () -> Exporter.start(dir, List.of(UNATTACHABLE), new DecoderErrors(), strict));
        assertTrue(e.getMessage().startsWith("config e2e_unattachable: attaching program no_such_function"),
                e.getMessage());
    }

    /** The kernel's own listing of the config's single program, matched by id. */
    private static ProgramInfo kernelInfo(Exporter exporter, String config) {
        int id = exporter.programs().stream().filter(p -> p.config().equals(config)).findFirst().orElseThrow()
                .program().info().id();
        List<ProgramInfo> matching = LoadedPrograms.list().stream().filter(p -> p.id() == id).toList();
        assertEquals(1, matching.size());
        return matching.getFirst();
    }

    private void copyUnattachable() throws Exception {
        Path built = Path.of(System.getProperty("exporter.test.bpf.dir", "target/test-bpf"));
        for (String file : new String[] {UNATTACHABLE + ".bpf.o", UNATTACHABLE + ".yaml"}) {
            Files.copy(built.resolve(file), dir.resolve(file));
        }
    }
}
