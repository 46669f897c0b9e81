package org.ebpfexporter.exporter.decoder;

/** {@code pci_vendor}: a PCI vendor id (decimal text) as its name, or {@code unknown pci vendor: 0xID}. */
public final class PciVendorDecoder extends PciDecoder {
    /** @param db the PCI ID database */
    public PciVendorDecoder(PciIds db) {
        super("pci_vendor", db);
    }

    @Override
    String name(PciIds.Tables tables, long number) {
        String key = String.format("%02x", number);
        String name = tables.vendors().get(key);
        return name != null ? name : "unknown pci vendor: 0x" + key;
    }
}
