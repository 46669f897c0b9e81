package org.ebpfexporter.exporter.decoder;

/** {@code pci_vendor}: a PCI vendor id (decimal text) as its name, or {@code unknown pci vendor: 0xID}. */
public final class PciVendorDecoder implements Decoder {
    private final PciIds db;

    /** @param db the PCI ID database */
    public PciVendorDecoder(PciIds db) {
        this.db = db;
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        var tables = db.tables();
        if (tables.isEmpty()) {
            return PciIds.MISSING;
        }
        String key = String.format("%02x", NumberTable.parse("pci_vendor", input, offset, length));
        String name = tables.get().vendors().get(key);
        return name != null ? name : "unknown pci vendor: 0x" + key;
    }
}
