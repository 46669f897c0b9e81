package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ebpfexporter.bpf.internal.NativeLibraries;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ebpf.exporter.libbpf} property chooses the libbpf that every call goes to, generated
 * binding included, and a library that is not libbpf.so.1 is refused rather than half used.
 */
@KernelTest
class LibbpfLibraryTest {

    @Test
    void propertyChoosesTheLibraryTheBindingCalls(@TempDir Path dir) throws Exception {
        Path system = loadedLibbpf();
        Path copy = Files.copy(system, dir.resolve("libbpf-copy.so"));
        String output = run(dir, copy.toString(), 0);
        assertTrue(output.contains("opened BpfObject["), output);
        List<String> libraries = output.lines().filter(line -> line.startsWith("mapped ")).toList();
        assertEquals(List.of("mapped " + copy), libraries, output);
    }

    @Test
    void libraryWithoutLibbpfIsRefused(@TempDir Path dir) throws Exception {
        String output = run(dir, "libc.so.6", 3);
        assertTrue(output.contains("LibbpfUnavailableException: libbpf is not available (libc.so.6): it is not the"
                + " libbpf.so.1 the binding resolves"), output);
    }

    /** Runs {@link OpenObject} with the property set; returns its output after checking its exit code. */
    private static String run(Path dir, String libbpf, int exitCode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-D" + NativeLibraries.LIBBPF_PROPERTY + "=" + libbpf, "-cp", System.getProperty("java.class.path"),
                OpenObject.class.getName(), TestObjects.file("maps.bpf.o").toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(exitCode, process.exitValue(), output);
        return output;
    }

    /** The libbpf file this JVM mapped. */
    private static Path loadedLibbpf() throws IOException {
        assertTrue(NativeLibraries.libbpfAvailable());
        List<String> mapped = mappedLibbpfFiles();
        assertFalse(mapped.isEmpty(), "no libbpf in /proc/self/maps");
        return Path.of(mapped.getFirst());
    }

    static List<String> mappedLibbpfFiles() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .map(line -> line.substring(line.indexOf('/') < 0 ? line.length() : line.indexOf('/')))
                .filter(file -> file.contains("libbpf")).distinct().toList();
    }

    /** Opens the object given as argument and prints the libbpf files mapped; exits 3 without libbpf. */
    static final class OpenObject {
        public static void main(String[] args) throws IOException {
            try (BpfObject object = BpfObject.open(Path.of(args[0]))) {
                System.out.println("opened " + object);
            } catch (LibbpfUnavailableException e) {
                System.out.println(e);
                System.exit(3);
            }
            mappedLibbpfFiles().forEach(file -> System.out.println("mapped " + file));
        }
    }
}
