package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.ebpfexporter.exporter.Fifo;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pci.ids that is not a regular file is not used, and never blocks the scrape that first needs it. */
class PciIdsFileTest {
    @TempDir
    Path dir;

    @Test
    void fifoIsNotReadAndTheDecoderSaysTheDatabaseIsMissing() throws Exception {
        Path fifo = Fifo.make(dir.resolve("pci.ids"));
        DecoderRegistry registry = new DecoderRegistry(() -> DecoderVectorsTest.FIXTURE,
                new HostFiles(DecoderVectorsTest.FILES.partitions(), fifo, DecoderVectorsTest.FILES.mountinfo()));
        Decoder vendor = registry.create(DecoderSpec.of("pci_vendor"));
        assertEquals(PciIds.MISSING, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> vendor.decode("32902")));
    }
}
