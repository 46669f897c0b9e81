package org.ebpfexporter.bpf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed libbpf binding is what jextract makes of this machine's headers: the headers, the
 * include list and the generated files still match bpf/jextract/binding.stamp. With {@code JEXTRACT}
 * set (see scripts/generate-binding), the binding is also regenerated and compared byte for byte.
 */
class BindingStampTest {
    private static final Path MODULE = Path.of(System.getProperty("bpf.module.dir", "")).toAbsolutePath();
    private static final Path ROOT = MODULE.getParent();
    private static final Path STAMP = MODULE.resolve("jextract/binding.stamp");
    private static final Path GENERATED = MODULE.resolve("src/generated/java");
    private static final String BINDING = "org/ebpfexporter/bpf/internal/binding/";
    private static final String REGENERATE = "run scripts/generate-binding (it needs jextract; see its header)";

    @Test
    void committedBindingMatchesThisMachine() throws IOException {
        BindingStamp stamp = BindingStamp.read(STAMP);
        List<String> differences = stamp.differences(ROOT, GENERATED);
        if (!differences.isEmpty()) {
            fail("the generated libbpf binding is stale: " + String.join("; ", differences) + ". Stamped with "
                    + stamp.packages() + ", this machine has " + installedVersions(stamp.packages()) + ". "
                    + REGENERATE);
        }
    }

    @Test
    void stampCoversTheInputsAndTheWholeBinding() throws IOException {
        BindingStamp stamp = BindingStamp.read(STAMP);
        assertEquals(List.of("bpf/jextract/binding.h", "bpf/jextract/includes.txt", "scripts/generate-binding"),
                List.copyOf(stamp.inputs().keySet()));
        assertTrue(stamp.headers().keySet().containsAll(List.of("/usr/include/bpf/libbpf.h", "/usr/include/bpf/bpf.h",
                "/usr/include/bpf/btf.h", "/usr/include/linux/bpf.h", "/usr/include/linux/perf_event.h")),
                stamp.headers().keySet().toString());
        assertEquals(BindingStamp.hashes(GENERATED).keySet(), stamp.generated().keySet());
        assertTrue(stamp.generated().containsKey(BINDING + "LibbpfBinding.java"));
    }

    @Test
    void handEditedGeneratedFileIsStale(@TempDir Path dir) throws IOException {
        Path copy = copyOfGenerated(dir);
        Files.writeString(copy.resolve(BINDING + "bpf_prog_info.java"), "\n", StandardOpenOption.APPEND);
        assertEquals(List.of("generated " + BINDING + "bpf_prog_info.java was edited"),
                BindingStamp.read(STAMP).differences(ROOT, copy));
    }

    @Test
    void addedOrRemovedGeneratedFileIsStale(@TempDir Path dir) throws IOException {
        Path copy = copyOfGenerated(dir);
        Files.delete(copy.resolve(BINDING + "btf_type.java"));
        Files.writeString(copy.resolve(BINDING + "Extra.java"), "class Extra {}\n");
        assertEquals(List.of("generated " + BINDING + "btf_type.java is missing",
                "generated " + BINDING + "Extra.java is not in the stamp"),
                BindingStamp.read(STAMP).differences(ROOT, copy));
    }

    @Test
    void changedIncludeListOrHeaderIsStale(@TempDir Path dir) throws IOException {
        String includes = "bpf/jextract/includes.txt";
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve(includes).getParent());
        Files.writeString(root.resolve(includes), Files.readString(ROOT.resolve(includes))
                + "--include-function bpf_map__pin\n");
        Path header = Files.writeString(dir.resolve("libbpf.h"), "int bpf_map__pin(void);\n");
        BindingStamp stamp = new BindingStamp(Map.of(), Map.of(includes, BindingStamp.sha256(ROOT.resolve(includes))),
                Map.of(header.toString(), "0".repeat(64), dir.resolve("gone.h").toString(), "0".repeat(64)), Map.of());
        List<String> differences = new ArrayList<>(stamp.differences(root, dir.resolve("no-binding")));
        differences.sort(null);
        assertEquals(List.of("header " + dir.resolve("gone.h") + " is missing", "header " + header + " changed",
                "input " + includes + " changed"), differences);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "JEXTRACT", matches = ".+")
    void regeneratedBindingIsByteForByteTheCommittedOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("java");
        Process process = new ProcessBuilder("bash", ROOT.resolve("scripts/generate-binding").toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "generate-binding did not finish");
        assertEquals(0, process.exitValue(), output);
        Map<String, String> regenerated = BindingStamp.hashes(out);
        assertEquals(BindingStamp.hashes(GENERATED).keySet(), regenerated.keySet(), REGENERATE);
        for (String file : regenerated.keySet()) {
            assertEquals(-1L, Files.mismatch(GENERATED.resolve(file), out.resolve(file)),
                    file + " differs from what jextract generates now; " + REGENERATE);
        }
        assertFalse(regenerated.isEmpty());
    }

    private static Path copyOfGenerated(Path dir) throws IOException {
        Path copy = dir.resolve("java");
        try (Stream<Path> files = Files.walk(GENERATED)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(GENERATED.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    /** The installed version of each package, as dpkg knows it, for the failure message. */
    private static Map<String, String> installedVersions(Map<String, String> packages) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String name : packages.keySet()) {
            try {
                Process process = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", name)
                        .redirectErrorStream(true).start();
                String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                versions.put(name, process.waitFor() == 0 ? version : "not installed");
            } catch (IOException e) {
                versions.put(name, "unknown (no dpkg-query)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                versions.put(name, "unknown");
            }
        }
        return versions;
    }
}
