package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures are reported with the object, the operation and the errno, and never crash the JVM. */
@KernelTest
class LoadErrorsTest {

    @Test
    void missingObjectFile() {
        BpfOpenException e = assertThrows(BpfOpenException.class,
                () -> BpfObject.open(Path.of("/nonexistent/missing.bpf.o")));
        assertEquals("opening /nonexistent/missing.bpf.o failed: no such file", e.getMessage());
    }

    @Test
    void fileThatIsNotAnObject(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.bpf.o"), "not an ELF file");
        BpfOpenException e = assertThrows(BpfOpenException.class, () -> BpfObject.open(junk));
        assertTrue(e.getMessage().startsWith("opening " + junk + " failed: "), e.getMessage());
        assertFalse(e.errnoName().isEmpty());
    }

    @Test
    void verifierRejectionKeepsTheLog() {
        try (BpfObject object = BpfObject.open(TestObjects.file("rejected.bpf.o"))) {
            BpfLoadException e = assertThrows(BpfLoadException.class, object::load);
            assertEquals("EACCES", e.errnoName());
            assertTrue(e.verifierLog().contains("invalid mem access 'map_value_or_null'"), e.verifierLog());
            assertTrue(e.getMessage().startsWith("loading " + TestObjects.file("rejected.bpf.o") + " failed (verifier: "
                    + "R0 invalid mem access 'map_value_or_null'): EACCES (Permission denied); the process has CAP_BPF "
                    + "and CAP_PERFMON, so no privilege is missing: the kernel refused the program (the verifier)"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "the log stays out of the message");
        }
    }

    @Test
    void missingMapIsNamed() {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            BpfMapException e = assertThrows(BpfMapException.class, () -> object.map("no_such_map"));
            assertTrue(e.getMessage().startsWith("map no_such_map not found in "), e.getMessage());
            assertTrue(e.getMessage().contains("hash_100k"), "lists the maps there are: " + e.getMessage());
        }
    }

    @Test
    void missingGlobalIsNamed() {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            BpfOpenException e = assertThrows(BpfOpenException.class, () -> object.setGlobal("kaddr_nothing", 1));
            assertTrue(e.getMessage().startsWith("global kaddr_nothing not found"), e.getMessage());
        }
    }

    @Test
    void absentLibbpfIsAClearErrorNotACrash(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Debpf.exporter.libbpf=/nonexistent/libbpf.so.1", "-cp", System.getProperty("java.class.path"),
                OpenObject.class.getName(), TestObjects.file("maps.bpf.o").toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, process.exitValue(), output);
        assertTrue(output.contains("LibbpfUnavailableException: libbpf is not available (/nonexistent/libbpf.so.1)"),
                output);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
        }
    }

    /** Opens the object given as argument; exits 3 when libbpf is missing. */
    static final class OpenObject {
        public static void main(String[] args) {
            try (BpfObject object = BpfObject.open(Path.of(args[0]))) {
                System.out.println("opened " + object);
            } catch (LibbpfUnavailableException e) {
                System.out.println(e);
                System.exit(3);
            }
        }
    }
}
