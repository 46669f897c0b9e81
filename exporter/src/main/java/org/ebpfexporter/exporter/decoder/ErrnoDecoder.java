package org.ebpfexporter.exporter.decoder;

/** {@code errno}: an errno number (decimal text) as its symbol, such as {@code EPERM}. */
public final class ErrnoDecoder implements Decoder {
    private static final NumberTable ERRNOS = NumberTable.load("errno.txt");

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        long number = NumberTable.parse("errno", input, offset, length);
        if (number < 0) {
            throw new DecoderException("errno: expected an unsigned number, got " + number);
        }
        String name = ERRNOS.name(number);
        return name != null ? name : "unknown:" + number;
    }
}
