package org.ebpfexporter.exporter;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --btf.path}: CO-RE relocations against a BTF file the user gives instead of the kernel's. */
@KernelTest
class BtfPathKernelTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "../examples"));
    private static final Path KERNEL_BTF = Path.of("/sys/kernel/btf/vmlinux");

    @TempDir
    Path dir;

    @Test
    void relocatesAgainstTheGivenBtf() {
        ExporterOptions options = new ExporterOptions(KERNEL_BTF, true, 16, 16, JvmTarget.none());
        try (Exporter exporter = Exporter.start(EXAMPLES, List.of("timers"), new DecoderErrors(), options)) {
            assertTrue(exporter.programs().getFirst().attached());
        }
    }

    @Test
    void aFileThatIsNotBtfFailsStartUpNamingTheConfig() throws Exception {
        Path bogus = Files.writeString(dir.resolve("vmlinux.btf"), "not BTF");
        ExporterOptions options = new ExporterOptions(bogus, true, 16, 16, JvmTarget.none());
        ExporterException e = assertThrows(ExporterException.class,
                () -> Exporter.start(EXAMPLES, List.of("timers"), new DecoderErrors(), options));
        assertTrue(e.getMessage().startsWith("config timers: loading "), e.getMessage());
        assertTrue(e.getMessage().endsWith("LIBBPF_ERRNO__FORMAT (BPF object format invalid)"), e.getMessage());
    }
}
