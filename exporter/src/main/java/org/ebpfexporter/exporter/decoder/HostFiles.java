package org.ebpfexporter.exporter.decoder;

import java.nio.file.Path;

/**
 * The host files that decoders read names from; tests point them at fixtures.
 *
 * @param partitions block devices, for {@code majorminor}
 * @param pciIds     the PCI ID database, for the {@code pci_*} decoders
 * @param mountinfo  the mount table where {@code cgroup} finds the cgroup2 mount
 */
public record HostFiles(Path partitions, Path pciIds, Path mountinfo) {
    /** The real files of this host. */
    public static HostFiles system() {
        return new HostFiles(MajorMinorDecoder.PARTITIONS, PciIds.DEFAULT_PATH, CgroupMount.MOUNTINFO);
    }
}
