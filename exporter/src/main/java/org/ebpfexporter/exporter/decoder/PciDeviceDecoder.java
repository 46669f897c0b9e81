package org.ebpfexporter.exporter.decoder;

/**
 * {@code pci_device}: {@code vendor << 16 | device} (decimal text, as {@code uint} outputs for a
 * u32) as the device's name, or {@code unknown pci device: 0xVVVVDDDD}.
 */
public final class PciDeviceDecoder extends PciDecoder {
    /** @param db the PCI ID database */
    public PciDeviceDecoder(PciIds db) {
        super("pci_device", db);
    }

    @Override
    String name(PciIds.Tables tables, long number) {
        String key = String.format("%04x", number);
        String name = tables.devices().get(key);
        return name != null ? name : "unknown pci device: 0x" + key;
    }
}
