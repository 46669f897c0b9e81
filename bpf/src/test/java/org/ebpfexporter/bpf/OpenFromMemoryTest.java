package org.ebpfexporter.bpf;

import static org.ebpfexporter.bpf.BpfTestSupport.PID;
import static org.ebpfexporter.bpf.BpfTestSupport.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;

/** An object opened from its bytes behaves as the same object opened from its file. */
@KernelTest
class OpenFromMemoryTest {

    @Test
    void loadsAttachesAndCountsLikeTheFile() throws IOException {
        byte[] image = Files.readAllBytes(TestObjects.file("probes.bpf.o"));
        try (BpfObject object = BpfObject.open(image, "embedded:/objects/probes.bpf.o", null)) {
            assertEquals(Path.of("embedded:/objects/probes.bpf.o"), object.path());
            object.setGlobal("target_tgid", PID);
            object.load();
            object.program("count_raw_tp").orElseThrow().attach();
            Syscalls.getppid(23);
            assertEquals(23, counter(object, "raw_tp_hits"));
        }
    }

    @Test
    void internalMapsAreNamedAfterTheFileNameAsForAFile() throws IOException {
        byte[] image = Files.readAllBytes(TestObjects.file("probes.bpf.o"));
        try (BpfObject fromFile = BpfObject.open(TestObjects.file("probes.bpf.o"));
             BpfObject fromMemory = BpfObject.open(image, "/somewhere/else/probes.bpf.o", null)) {
            assertEquals(fromFile.maps().stream().map(BpfMap::name).toList(),
                    fromMemory.maps().stream().map(BpfMap::name).toList());
            assertTrue(fromMemory.maps().stream().anyMatch(map -> map.name().equals("probes.rodata")),
                    fromMemory.maps().toString());
        }
    }

    @Test
    void bytesThatAreNotAnObjectAreRefusedWithTheirName() {
        byte[] junk = "not an ELF file".getBytes(StandardCharsets.US_ASCII);
        BpfOpenException e = assertThrows(BpfOpenException.class, () -> BpfObject.open(junk, "junk.bpf.o", null));
        assertTrue(e.getMessage().startsWith("opening junk.bpf.o failed: "), e.getMessage());
        assertFalse(e.errnoName().isEmpty());
    }

    @Test
    void emptyImageIsRefused() {
        BpfOpenException e = assertThrows(BpfOpenException.class,
                () -> BpfObject.open(new byte[0], "empty.bpf.o", null));
        assertTrue(e.getMessage().startsWith("opening empty.bpf.o failed"), e.getMessage());
    }
}
