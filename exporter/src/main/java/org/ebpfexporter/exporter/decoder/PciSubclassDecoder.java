package org.ebpfexporter.exporter.decoder;

/**
 * {@code pci_subclass}: {@code class << 8 | subclass} (decimal text) as the subclass's name, or
 * {@code unknown pci subclass: 0xSS (class 0xCC)}, or {@code unknown pci class: 0xCC}.
 */
public final class PciSubclassDecoder implements Decoder {
    private final PciIds db;

    /** @param db the PCI ID database */
    public PciSubclassDecoder(PciIds db) {
        this.db = db;
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        var tables = db.tables();
        if (tables.isEmpty()) {
            return PciIds.MISSING;
        }
        long number = NumberTable.parse("pci_subclass", input, offset, length);
        String classId = String.format("%02x", number >> 8);
        String subclassId = String.format("%02x", number & 0xff);
        if (!tables.get().classes().containsKey(classId)) {
            return "unknown pci class: 0x" + classId;
        }
        String name = tables.get().subclasses().get(classId + subclassId);
        return name != null ? name : "unknown pci subclass: 0x" + subclassId + " (class 0x" + classId + ")";
    }
}
