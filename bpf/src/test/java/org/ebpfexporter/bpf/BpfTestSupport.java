package org.ebpfexporter.bpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ebpfexporter.bpf.testing.TestObjects;

/** Opening the test objects with the test process as their target. */
final class BpfTestSupport {
    static final int PID = (int) ProcessHandle.current().pid();

    private BpfTestSupport() {}

    /** Opens a test object, sets {@code target_tgid} to this process when it has one, and loads it. */
    static BpfObject load(String file) {
        BpfObject object = BpfObject.open(TestObjects.file(file));
        try {
            if (object.hasGlobal("target_tgid")) {
                object.setGlobal("target_tgid", PID);
            }
            object.load();
            return object;
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    /** The one-slot counter map's value. */
    static long counter(BpfObject object, String map) {
        BpfMap counter = object.map(map);
        MapEntries entries = counter.newEntries();
        counter.read(entries);
        return entries.u64(0);
    }

    /** The libjvm.so this JVM runs, from /proc/self/maps. */
    static Path libjvm() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.endsWith("/libjvm.so"))
                .map(line -> Path.of(line.substring(line.indexOf('/'))))
                .findFirst().orElseThrow();
    }
}
