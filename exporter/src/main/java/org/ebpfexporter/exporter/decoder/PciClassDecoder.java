package org.ebpfexporter.exporter.decoder;

/** {@code pci_class}: a PCI class id (decimal text) as its name, or {@code unknown pci class: 0xID}. */
public final class PciClassDecoder implements Decoder {
    private final PciIds db;

    /** @param db the PCI ID database */
    public PciClassDecoder(PciIds db) {
        this.db = db;
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        var tables = db.tables();
        if (tables.isEmpty()) {
            return PciIds.MISSING;
        }
        String key = String.format("%02x", NumberTable.parse("pci_class", input, offset, length));
        String name = tables.get().classes().get(key);
        return name != null ? name : "unknown pci class: 0x" + key;
    }
}
