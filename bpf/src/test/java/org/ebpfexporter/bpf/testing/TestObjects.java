package org.ebpfexporter.bpf.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the BPF objects and helper libraries that the bpf module's test build compiles. */
public final class TestObjects {
    private TestObjects() {}

    /** The directory of compiled test objects ({@code bpf/target/test-bpf}). */
    public static Path directory() {
        String configured = System.getProperty("test.bpf.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../bpf/target/test-bpf");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("test BPF objects not built: " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** A compiled test object or library by file name, such as {@code counters.bpf.o}. */
    public static Path file(String name) {
        return directory().resolve(name);
    }
}
