package org.ebpfexporter.exporter.decoder;

/**
 * The shared part of the {@code pci_*} decoders: a number (decimal text) looked up in the PCI ID
 * database, or {@link PciIds#MISSING} in the label value when the host has no database.
 */
abstract class PciDecoder implements Decoder {
    private final String decoderName;
    private final PciIds db;

    PciDecoder(String decoderName, PciIds db) {
        this.decoderName = decoderName;
        this.db = db;
    }

    @Override
    public final String decode(byte[] input, int offset, int length) throws DecoderException {
        var tables = db.tables();
        if (tables.isEmpty()) {
            return PciIds.MISSING;
        }
        return name(tables.get(), NumberTable.parse(decoderName, input, offset, length));
    }

    /** The name of {@code number} in the database, or the decoder's "unknown" text. */
    abstract String name(PciIds.Tables tables, long number);
}
