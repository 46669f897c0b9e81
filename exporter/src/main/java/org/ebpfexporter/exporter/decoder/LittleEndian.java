package org.ebpfexporter.exporter.decoder;

/** Reads the little-endian integers that keys hold on the hosts the exporter runs on. */
final class LittleEndian {
    private LittleEndian() {
    }

    /** The unsigned value of {@code length} (at most 8) bytes at {@code offset}. */
    static long read(byte[] input, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (input[offset + i] & 0xff);
        }
        return value;
    }

    /** The 32-bit value at the start of a slice of at least 4 bytes, as upstream reads {@code in[0:4]}. */
    static long u32(String decoder, byte[] input, int offset, int length) throws DecoderException {
        if (length < 4) {
            throw new DecoderException(decoder + ": expected at least 4 bytes, got " + length);
        }
        return read(input, offset, 4);
    }
}
