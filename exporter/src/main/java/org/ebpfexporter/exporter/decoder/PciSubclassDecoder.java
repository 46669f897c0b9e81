package org.ebpfexporter.exporter.decoder;

/**
 * {@code pci_subclass}: {@code class << 8 | subclass} (decimal text) as the subclass's name, or
 * {@code unknown pci subclass: 0xSS (class 0xCC)}, or {@code unknown pci class: 0xCC}.
 */
public final class PciSubclassDecoder extends PciDecoder {
    /** @param db the PCI ID database */
    public PciSubclassDecoder(PciIds db) {
        super("pci_subclass", db);
    }

    @Override
    String name(PciIds.Tables tables, long number) {
        String classId = String.format("%02x", number >> 8);
        String subclassId = String.format("%02x", number & 0xff);
        if (!tables.classes().containsKey(classId)) {
            return "unknown pci class: 0x" + classId;
        }
        String name = tables.subclasses().get(classId + subclassId);
        return name != null ? name : "unknown pci subclass: 0x" + subclassId + " (class 0x" + classId + ")";
    }
}
