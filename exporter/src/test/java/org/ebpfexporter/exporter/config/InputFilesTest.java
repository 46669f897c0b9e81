package org.ebpfexporter.exporter.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ebpfexporter.exporter.Fifo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File inputs: regular files of bounded size, checked before they are opened. */
class InputFilesTest {
    /** Opening a FIFO would block forever; refusing it takes no time. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void readsARegularFileWithinItsBound() throws Exception {
        Path file = Files.write(dir.resolve("a.yaml"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.read(file, 3));
    }

    @Test
    void followsASymbolicLinkToARegularFile() throws Exception {
        Path file = Files.writeString(dir.resolve("real.yaml"), "metrics: {}\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), file);
        assertEquals("metrics: {}\n", new String(InputFiles.read(link, 100)));
    }

    @Test
    void refusesAFifoWithoutOpeningIt() throws Exception {
        Path fifo = Fifo.make(dir.resolve("fifo.yaml"));
        assertEquals(fifo + ": not a regular file", refused(fifo));
    }

    @Test
    void refusesASymbolicLinkToAFifo() throws Exception {
        Path fifo = Fifo.make(dir.resolve("fifo"));
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), fifo);
        assertEquals(link + ": not a regular file", refused(link));
    }

    @Test
    void refusesADeviceAndADirectory() {
        assertEquals("/dev/zero: not a regular file", refused(Path.of("/dev/zero")));
        assertEquals(dir + ": not a regular file", refused(dir));
    }

    @Test
    void refusesAFileOverItsBound() throws Exception {
        Path file = Files.write(dir.resolve("big.bpf.o"), new byte[4097]);
        assertEquals(file + ": larger than 4096 bytes", refused(file, 4096));
    }

    @Test
    void namesAMissingFile() {
        assertEquals(dir.resolve("none.yaml") + ": no such file", refused(dir.resolve("none.yaml")));
    }

    @Test
    void checkAloneRefusesTheSame() throws Exception {
        Path fifo = Fifo.make(dir.resolve("vmlinux.btf"));
        assertEquals(fifo + ": not a regular file", assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(ConfigException.class, () -> InputFiles.check(fifo, 100))).getMessage());
    }

    private static String refused(Path file) {
        return refused(file, 1 << 20);
    }

    private static String refused(Path file, int maxBytes) {
        return assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(ConfigException.class, () -> InputFiles.read(file, maxBytes))).getMessage();
    }
}
