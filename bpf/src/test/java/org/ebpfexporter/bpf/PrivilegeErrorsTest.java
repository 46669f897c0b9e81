package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Setpriv;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EPERM and EACCES, caused for real in a child JVM with fewer privileges, name what is missing;
 * with every privilege present they do not blame privileges.
 */
@KernelTest
class PrivilegeErrorsTest {
    private static final Path TRACEFS = Path.of("/sys/kernel/tracing");

    @TempDir
    Path dir;

    @Test
    void nobodyIsToldToRunAsRootOrGrantBpfAndPerfmon() throws Exception {
        String failure = failure(Setpriv.nobody(), "probes.bpf.o");
        assertTrue(failure.startsWith("loading "), failure);
        assertTrue(failure.contains("probes.bpf.o failed: EPERM (Operation not permitted); missing privilege: the "
                + "process (uid 65534) lacks CAP_BPF and CAP_PERFMON; run as root, or grant CAP_BPF and CAP_PERFMON"),
                failure);
    }

    @Test
    void rootWithoutPerfmonIsToldToGrantIt() throws Exception {
        String failure = failure(Setpriv.rootWithout("perfmon", "sys_admin"), "probes.bpf.o");
        assertTrue(failure.contains(": EPERM (Operation not permitted); missing privilege: the process (uid 0) "
                + "lacks CAP_PERFMON; grant it CAP_BPF and CAP_PERFMON"), failure);
    }

    @Test
    void xdpWithoutNetAdminIsToldToGrantIt() throws Exception {
        String failure = failure(Setpriv.rootWithout("net_admin", "sys_admin"), "xdp.bpf.o");
        assertTrue(failure.contains("xdp.bpf.o failed: EPERM (Operation not permitted); missing privilege: the "
                + "process (uid 0) lacks CAP_NET_ADMIN; grant it CAP_BPF and CAP_NET_ADMIN"), failure);
    }

    @Test
    void aTracepointWithoutTracefsAccessNamesTheFileNotACapability() throws Exception {
        List<String> command = probe("probes.bpf.o", "count_tracepoint");
        Setpriv.Run run = Setpriv.run(Setpriv.nobodyWith("bpf", "perfmon"), command);
        if (Files.getPosixFilePermissions(TRACEFS).contains(PosixFilePermission.OTHERS_EXECUTE)) {
            // tracefs is open to everyone here: the tracepoint attaches without root.
            assertEquals(List.of("attached count_tracepoint"), run.linesStartingWith("attached"), run.output());
            return;
        }
        String failure = only(run);
        assertTrue(failure.contains("(tracepoint/syscalls/sys_enter_getppid) of "), failure);
        assertTrue(failure.contains(" failed: EACCES (Permission denied); the process (uid 65534) cannot read "
                + "/sys/kernel/tracing/events/syscalls/sys_enter_getppid/id: tracepoint/ programs need tracefs mounted "
                + "and readable"), failure);
        assertFalse(failure.contains("lacks"), failure);
    }

    @Test
    void listingProgramsWithoutSysAdminFailsInsteadOfListingNone() throws Exception {
        List<String> command = probe("probes.bpf.o", null);
        command.set(command.size() - 1, Probe.LIST);
        String failure = only(Setpriv.run(Setpriv.nobodyWith("bpf", "perfmon"), command));
        assertEquals("listing the loaded programs after id 0 failed: EPERM (Operation not permitted); missing "
                + "privilege: the process (uid 65534) lacks CAP_SYS_ADMIN; run as root, or grant CAP_SYS_ADMIN (for "
                + "example systemd's AmbientCapabilities=CAP_SYS_ADMIN)", failure);
    }

    /** The one failure line of the probe run with {@code options}. */
    private String failure(List<String> options, String object) throws Exception {
        return only(Setpriv.run(options, probe(object, null)));
    }

    private static String only(Setpriv.Run run) {
        List<String> failures = run.linesStartingWith("failed: ");
        assertEquals(1, failures.size(), run.output());
        assertEquals(2, run.status(), run.output());
        return failures.getFirst().substring("failed: ".length());
    }

    /** The command that runs {@link Probe} on a readable copy of the classes and the object. */
    private List<String> probe(String object, String program) throws Exception {
        List<Path> copies = Setpriv.readableCopies(dir, codeSource(BpfObject.class), codeSource(Probe.class),
                TestObjects.file(object));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-cp",
                copies.get(0) + ":" + copies.get(1), Probe.class.getName(), copies.get(2).toString()));
        if (program != null) {
            command.add(program);
        }
        return command;
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * Loads an object, and attaches one of its programs if named; or, given {@value #LIST}, lists
     * the loaded programs. Prints the outcome, one line.
     */
    static final class Probe {
        static final String LIST = "--list";

        public static void main(String[] args) {
            if (args[0].equals(LIST)) {
                try {
                    System.out.println("listed " + LoadedPrograms.list().size());
                } catch (BpfException e) {
                    System.out.println("failed: " + e.getMessage());
                    System.exit(2);
                }
                return;
            }
            try (BpfObject object = BpfObject.open(Path.of(args[0]))) {
                object.load();
                if (args.length > 1) {
                    object.program(args[1]).orElseThrow().attach();
                    System.out.println("attached " + args[1]);
                }
            } catch (BpfException e) {
                System.out.println("failed: " + e.getMessage());
                System.exit(2);
            }
        }
    }
}
