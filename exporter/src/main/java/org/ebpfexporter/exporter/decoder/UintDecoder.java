package org.ebpfexporter.exporter.decoder;

/** {@code uint}: a little-endian unsigned integer of 1, 2, 4 or 8 bytes, in decimal. */
public final class UintDecoder implements Decoder {
    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        if (length != 1 && length != 2 && length != 4 && length != 8) {
            throw new DecoderException("uint: unsupported size " + length + " (1, 2, 4 or 8)");
        }
        return Long.toUnsignedString(LittleEndian.read(input, offset, length));
    }
}
