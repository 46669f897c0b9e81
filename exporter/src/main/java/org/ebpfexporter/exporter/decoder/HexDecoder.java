package org.ebpfexporter.exporter.decoder;

import java.util.HexFormat;

/** {@code hex}: the bytes in lower-case hex, in key order. */
public final class HexDecoder implements Decoder {
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public String decode(byte[] input, int offset, int length) {
        return HEX.formatHex(input, offset, offset + length);
    }
}
