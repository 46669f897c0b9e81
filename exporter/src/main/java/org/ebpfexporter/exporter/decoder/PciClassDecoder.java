package org.ebpfexporter.exporter.decoder;

/** {@code pci_class}: a PCI class id (decimal text) as its name, or {@code unknown pci class: 0xID}. */
public final class PciClassDecoder extends PciDecoder {
    /** @param db the PCI ID database */
    public PciClassDecoder(PciIds db) {
        super("pci_class", db);
    }

    @Override
    String name(PciIds.Tables tables, long number) {
        String key = String.format("%02x", number);
        String name = tables.classes().get(key);
        return name != null ? name : "unknown pci class: 0x" + key;
    }
}
