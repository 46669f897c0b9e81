package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Setpriv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter (the shaded jar, a child JVM) started with fewer privileges than it needs fails
 * with one line that names what is missing; refused for another reason as root, it does not
 * blame privileges.
 */
@KernelTest
class PermissionErrorsIT {
    private static final Path JAR = Path.of(System.getProperty("exporter.agent.jar", "target/ebpf-exporter.jar"));
    private static final Path TEST_BPF = Path.of(System.getProperty("exporter.test.bpf.dir", "target/test-bpf"));
    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String PREFIX = "ebpf-exporter: ";

    @TempDir
    Path dir;

    @BeforeEach
    void letNobodyIn() throws IOException {
        Setpriv.openForReading(dir);
    }

    @Test
    void nobodyIsToldWhichCapabilitiesAreMissing() throws Exception {
        // The embedded default configs, as a user would first run it.
        String line = failure(Setpriv.nobody(), "--web.listen-address=127.0.0.1:0");
        assertTrue(line.startsWith(PREFIX + "config "), line);
        assertTrue(line.contains(".bpf.o failed: EPERM (Operation not permitted); missing privilege: the process "
                + "(uid 65534) lacks CAP_BPF and CAP_PERFMON; run as root, or grant CAP_BPF and CAP_PERFMON"), line);
    }

    @Test
    void rootWithoutBpfIsToldToGrantIt() throws Exception {
        String line = failure(Setpriv.rootWithout("bpf", "sys_admin"), "--web.listen-address=127.0.0.1:0");
        assertTrue(line.contains("failed: EPERM (Operation not permitted); missing privilege: the process (uid 0) "
                + "lacks CAP_BPF; grant it CAP_BPF and CAP_PERFMON"), line);
    }

    @Test
    void anUnreadableTracefsIsNamedWithoutBlamingCapabilities() throws Exception {
        Path configs = Files.createDirectory(dir.resolve("configs"));
        Setpriv.readableCopies(configs, EXAMPLES.resolve("read-sizes.yaml"), EXAMPLES.resolve("read-sizes.bpf.o"));
        Setpriv.Run run = exporter(Setpriv.nobodyWith("bpf", "perfmon"), "--config.dir=" + configs,
                "--config.names=read-sizes", "--config.strict", "--config.check");
        if (Files.getPosixFilePermissions(Path.of("/sys/kernel/tracing")).contains(PosixFilePermission.OTHERS_EXECUTE)) {
            // tracefs is open to everyone here: capabilities alone are enough.
            assertEquals(0, run.status(), run.output());
            return;
        }
        String line = only(run);
        assertTrue(line.startsWith(PREFIX + "config read-sizes: attaching program read_exit "
                + "(tracepoint/syscalls/sys_exit_read) of "), line);
        assertTrue(line.endsWith(" failed: EACCES (Permission denied); the process (uid 65534) cannot read "
                + "/sys/kernel/tracing/events/syscalls/sys_exit_read/id: tracepoint/ programs need tracefs mounted "
                + "and readable: run as root, or mount tracefs readable by this user (mount options uid=, gid=)"), line);
        assertFalse(line.contains("lacks"), line);
    }

    @Test
    void fentryRefusedToRootDoesNotBlamePrivileges() throws Exception {
        Path configs = Files.createDirectory(dir.resolve("configs"));
        Setpriv.readableCopies(configs, TEST_BPF.resolve("e2e_fentry.yaml"), TEST_BPF.resolve("e2e_fentry.bpf.o"));
        Setpriv.Run run = exporter(List.of(), "--config.dir=" + configs, "--config.names=e2e_fentry",
                "--config.check");
        if (run.status() == 0) {
            // This kernel has BPF trampolines: fentry loads.
            assertTrue(run.output().contains("config check successful: [e2e_fentry]"), run.output());
            return;
        }
        assertEquals(PREFIX + "config e2e_fentry: loading " + configs.resolve("e2e_fentry.bpf.o") + " failed: EPERM "
                + "(Operation not permitted); the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the "
                + "kernel refused the program (lockdown, an unsupported program type or the verifier)", only(run));
    }

    /** The exporter's one error line, run with {@code options}; it must exit 1. */
    private String failure(List<String> options, String... args) throws Exception {
        return only(exporter(options, args));
    }

    private static String only(Setpriv.Run run) {
        assertEquals(1, run.status(), run.output());
        List<String> lines = run.linesStartingWith(PREFIX);
        assertEquals(1, lines.size(), run.output());
        return lines.getFirst();
    }

    /** Runs a readable copy of the jar under setpriv with {@code options}. */
    private Setpriv.Run exporter(List<String> options, String... args) throws Exception {
        Path jar = Setpriv.readableCopies(Files.createDirectories(dir.resolve("jar")), JAR).getFirst();
        List<String> command = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData",
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return Setpriv.run(options, command);
    }
}
