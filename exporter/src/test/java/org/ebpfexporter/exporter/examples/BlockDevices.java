package org.ebpfexporter.exporter.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The block device under a file, named as {@code /proc/partitions} names it. */
final class BlockDevices {
    private BlockDevices() {}

    /** The disk holding a file: for a file on a partition, the partition's whole disk. */
    static String diskOf(Path file) throws IOException {
        long device = ((Number) Files.getAttribute(file, "unix:dev")).longValue();
        // glibc's encoding of st_dev (gnu_dev_major and gnu_dev_minor)
        long major = ((device & 0xfff00L) >>> 8) | ((device & 0xfffff00000000000L) >>> 32);
        long minor = (device & 0xffL) | ((device & 0xffffff00000L) >>> 12);
        Path sys = Path.of("/sys/dev/block", major + ":" + minor).toRealPath();
        return Files.exists(sys.resolve("partition")) ? sys.getParent().getFileName().toString()
                : sys.getFileName().toString();
    }
}
