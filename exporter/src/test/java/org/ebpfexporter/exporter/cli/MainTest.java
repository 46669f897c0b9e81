package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.ebpfexporter.exporter.JvmTarget;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.http.Exposition;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Flag parsing, with upstream's spellings and defaults. */
class MainTest {
    @Test
    void defaults() {
        Main main = parse();
        assertEquals(ExporterOptions.DEFAULTS, main.options());
        assertEquals(List.of(), main.names());
    }

    @Test
    void upstreamFlags() {
        Main main = parse("--config.dir=/etc/ebpf", "--config.names=a, b,,c", "--config.strict",
                "--config.cache-size=10", "--config.skip-cache-size", "20", "--btf.path=/tmp/vmlinux.btf",
                "--config.check", "--log.no-timestamps", "--debug", "--web.listen-address=127.0.0.1:9000",
                "--web.telemetry-path=/m", "--web.exposition=negotiated");
        assertEquals(new ExporterOptions(Path.of("/tmp/vmlinux.btf"), true, 10, 20, JvmTarget.none()), main.options());
        assertEquals(List.of("a", "b", "c"), main.names());
    }

    @Test
    void negativeCacheSizeIsRejected() {
        Main main = parse("--config.cache-size=-1");
        assertThrows(IllegalArgumentException.class, main::options);
    }

    @Test
    void expositionSpellings() {
        assertEquals(Exposition.TEXT, Exposition.parse("text"));
        assertEquals(Exposition.NEGOTIATED, Exposition.parse("negotiated"));
        assertEquals("--web.exposition: unknown format \"openmetrics\", expected text or negotiated",
                assertThrows(IllegalArgumentException.class, () -> Exposition.parse("openmetrics")).getMessage());
    }

    @Test
    void helpAndVersion() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new Main()).setOut(new PrintWriter(out));
        assertEquals(0, commandLine.execute("-h"));
        String help = out.toString();
        for (String flag : List.of("--config.dir", "--config.names", "--config.check", "--config.strict",
                "--config.cache-size", "--config.skip-cache-size", "--debug", "--log.no-timestamps",
                "--web.listen-address", "--web.telemetry-path", "--web.exposition", "--btf.path", "--version")) {
            assertTrue(help.contains(flag), flag + " missing from " + help);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, commandLine.execute("--version"));
        assertTrue(out.toString().startsWith("ebpf-exporter "), out.toString());
    }

    @Test
    void logLinesWithoutTimestamps() {
        LogRecord record = new LogRecord(Level.INFO, "config {0}: ok");
        record.setParameters(new Object[] {"timers"});
        record.setLoggerName("org.ebpfexporter.exporter.Exporter");
        assertEquals("INFO org.ebpfexporter.exporter.Exporter: config timers: ok\n",
                new NoTimestampFormatter().format(record));
    }

    private static Main parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main;
    }
}
