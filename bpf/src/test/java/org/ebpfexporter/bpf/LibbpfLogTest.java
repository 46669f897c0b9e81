package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;

/** libbpf's own log lines arrive, formatted, at the {@code org.ebpfexporter.bpf.libbpf} logger. */
@KernelTest
class LibbpfLogTest {

    @Test
    void debugLinesReachTheLoggerWhenEnabled() {
        Logger logger = Logger.getLogger("org.ebpfexporter.bpf.libbpf");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            object.load();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.FINE
                && r.getMessage().startsWith("libbpf: ") && r.getMessage().contains("hash_100k")),
                () -> "libbpf debug lines: " + records.stream().map(LogRecord::getMessage).toList());
    }
}
