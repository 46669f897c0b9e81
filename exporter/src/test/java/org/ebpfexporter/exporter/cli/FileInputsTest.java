package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.Fifo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FIFO given as a config, an object, a BTF or a JMX password file (which nothing ever writes to)
 * fails start-up at once with one line naming the file, where opening it would block forever; an
 * oversized config fails before it is parsed.
 */
class FileInputsTest {
    /** A child JVM starts and fails in a few seconds; blocking on the FIFO would never end. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void fifoAsConfig() throws Exception {
        Path configs = E2eFiles.configDir(Files.createDirectory(dir.resolve("configs")));
        Path yaml = configs.resolve(E2eFiles.CONFIG + ".yaml");
        Fifo.make(yaml);
        assertFailsWith("ebpf-exporter: " + yaml + ": not a regular file", "--config.dir=" + configs,
                "--config.names=" + E2eFiles.CONFIG);
    }

    @Test
    void fifoAsObject() throws Exception {
        Path configs = E2eFiles.configDir(Files.createDirectory(dir.resolve("configs")));
        Path object = configs.resolve(E2eFiles.CONFIG + ".bpf.o");
        Fifo.make(object);
        assertFailsWith("ebpf-exporter: config " + E2eFiles.CONFIG + ": " + object + ": not a regular file",
                "--config.dir=" + configs, "--config.names=" + E2eFiles.CONFIG);
    }

    @Test
    void fifoAsBtf() throws Exception {
        Path configs = E2eFiles.configDir(Files.createDirectory(dir.resolve("configs")));
        Path btf = dir.resolve("vmlinux.btf");
        Fifo.make(btf);
        assertFailsWith("ebpf-exporter: --btf.path: " + btf + ": not a regular file", "--config.dir=" + configs,
                "--config.names=" + E2eFiles.CONFIG, "--btf.path=" + btf);
    }

    @Test
    void fifoAsJmxPasswordFile() throws Exception {
        Path configs = E2eFiles.configDir(Files.createDirectory(dir.resolve("configs")));
        Path passwords = Fifo.make(dir.resolve("jmxremote.password"));
        assertFailsWith("ebpf-exporter: --jmx.password-file " + passwords + ": not a regular file",
                "--config.dir=" + configs, "--config.names=" + E2eFiles.CONFIG,
                "--jmx.listen-address=127.0.0.1:" + E2eFiles.freePort(),
                "--jmx.password-file=" + passwords);
    }

    @Test
    void oversizedConfig() throws Exception {
        Path configs = E2eFiles.configDir(Files.createDirectory(dir.resolve("configs")));
        Path yaml = configs.resolve(E2eFiles.CONFIG + ".yaml");
        Files.writeString(yaml, "# " + "x".repeat(50 << 20) + "\n");
        assertFailsWith("ebpf-exporter: " + yaml + ": larger than 1048576 bytes", "--config.dir=" + configs,
                "--config.names=" + E2eFiles.CONFIG);
    }

    private void assertFailsWith(String line, String... args) throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(dir, List.of(), withLocalPort(args))) {
            assertEquals(1, daemon.awaitExit(DEADLINE), daemon.stderr());
            assertEquals(List.of(line), daemon.errorLines());
        }
    }

    private static String[] withLocalPort(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--web.listen-address=127.0.0.1:0";
        return all;
    }
}
