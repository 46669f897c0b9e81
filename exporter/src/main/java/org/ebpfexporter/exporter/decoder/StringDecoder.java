package org.ebpfexporter.exporter.decoder;

import java.nio.charset.StandardCharsets;

/** {@code string}: the bytes up to the first NUL, as UTF-8. */
public final class StringDecoder implements Decoder {
    @Override
    public String decode(byte[] input, int offset, int length) {
        int end = offset;
        while (end < offset + length && input[end] != 0) {
            end++;
        }
        return new String(input, offset, end - offset, StandardCharsets.UTF_8);
    }
}
