package org.ebpfexporter.exporter.decoder;

/**
 * {@code pci_device}: {@code vendor << 16 | device} (decimal text, as {@code uint} outputs for a
 * u32) as the device's name, or {@code unknown pci device: 0xVVVVDDDD}.
 */
public final class PciDeviceDecoder implements Decoder {
    private final PciIds db;

    /** @param db the PCI ID database */
    public PciDeviceDecoder(PciIds db) {
        this.db = db;
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        var tables = db.tables();
        if (tables.isEmpty()) {
            return PciIds.MISSING;
        }
        String key = String.format("%04x", NumberTable.parse("pci_device", input, offset, length));
        String name = tables.get().devices().get(key);
        return name != null ? name : "unknown pci device: 0x" + key;
    }
}
