package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Real cgroups, created under this host's cgroup2 mount (tests run as root). */
class CgroupDecoderTest {
    private final Path root = CgroupMount.find(CgroupMount.MOUNTINFO).orElseThrow();

    @Test
    void findsTheCgroup2Mount() {
        assertTrue(Files.isDirectory(root.resolve("cgroup.procs").getParent()), root.toString());
        assertTrue(Files.exists(root.resolve("cgroup.controllers")), root.toString());
    }

    @Test
    void decodesIdsOfCgroupsCreatedAfterStart() throws Exception {
        AtomicLong now = new AtomicLong();
        CgroupDecoder decoder = new CgroupDecoder(Optional.of(root), 1_000, now::get);
        assertEquals(root.toString(), decoder.decode("1"));
        Path cgroup = Files.createDirectory(root.resolve("decoder-test-" + ProcessHandle.current().pid()));
        try {
            String id = String.valueOf(Files.getAttribute(cgroup, "unix:ino"));
            assertEquals("unknown_cgroup_id:" + id, decoder.decode(id), "refresh is rate limited");
            now.addAndGet(1_000);
            assertEquals(cgroup.toString(), decoder.decode(id));
        } finally {
            Files.delete(cgroup);
        }
        assertEquals("unknown_cgroup_id:18446744073", decoder.decode("18446744073"));
    }

    @Test
    void withoutCgroup2EveryIdIsUnknown() throws DecoderException {
        assertEquals("unknown_cgroup_id:1", new CgroupDecoder(Optional.empty(), 0, System::nanoTime).decode("1"));
    }

    @Test
    void unescapesMountPoints() {
        assertEquals("/mnt/my cgroups", CgroupMount.unescape("/mnt/my\\040cgroups"));
    }
}
