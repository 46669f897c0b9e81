package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.jmx.JmxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up of the exporter (a child JVM) refuses unsafe remote JMX in one line naming the flag and
 * the file, before any config is loaded (the config named here does not even exist).
 */
class JmxStartupTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void remoteJmxWithoutAPasswordFileIsRefused() throws Exception {
        assertEquals(List.of("ebpf-exporter: --jmx.listen-address needs --jmx.password-file: without it anyone who "
                + "reaches the port, every local user included, reads the JVM's MBeans; "
                + "--jmx.insecure-no-authentication allows that explicitly"), refusal());
    }

    @Test
    @Timeout(120)
    void aPasswordFileReadableByOthersIsRefused() throws Exception {
        Path passwords = JmxFiles.withMode(JmxFiles.passwordFile(dir, "reader s3cret\n"), "rw-r--r--");
        assertEquals(List.of("ebpf-exporter: --jmx.password-file " + passwords + ": readable or writable by other "
                + "users (rw-r--r--); restrict it to its owner: chmod 600 " + passwords),
                refusal("--jmx.password-file=" + passwords));
    }

    @Test
    @Timeout(120)
    void aMissingPasswordFileIsRefused() throws Exception {
        Path passwords = dir.resolve("missing.password");
        assertEquals(List.of("ebpf-exporter: --jmx.password-file " + passwords + ": no such file"),
                refusal("--jmx.password-file=" + passwords));
    }

    @Test
    @Timeout(120)
    void aMissingAccessFileIsRefused() throws Exception {
        Path passwords = JmxFiles.passwordFile(dir, "reader s3cret\n");
        Path access = dir.resolve("missing.access");
        assertEquals(List.of("ebpf-exporter: --jmx.access-file " + access + ": no such file"),
                refusal("--jmx.password-file=" + passwords, "--jmx.access-file=" + access));
    }

    /** Starts the exporter with remote JMX and the flags; it must exit 1; returns its output. */
    private List<String> refusal(String... jmxFlags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config.dir=" + dir, "--config.names=absent",
                "--web.listen-address=127.0.0.1:0", "--jmx.listen-address=127.0.0.1:" + E2eFiles.freePort()));
        args.addAll(List.of(jmxFlags));
        try (ExporterProcess exporter = ExporterProcess.start(dir, List.of(), args.toArray(String[]::new))) {
            assertEquals(1, exporter.awaitExit(), exporter.output());
            return exporter.outputLines();
        }
    }
}
