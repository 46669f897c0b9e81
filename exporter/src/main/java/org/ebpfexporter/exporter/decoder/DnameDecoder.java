package org.ebpfexporter.exporter.decoder;

import java.nio.charset.StandardCharsets;

/**
 * {@code dname}: a DNS name in wire format (length-prefixed labels) as dotted text; empty input is
 * the root {@code "."}. As upstream, each length byte becomes a dot (so a trailing root label
 * leaves a trailing dot) and a label running past the end returns the input unchanged.
 */
public final class DnameDecoder implements Decoder {
    @Override
    public String decode(byte[] input, int offset, int length) {
        if (length == 0) {
            return ".";
        }
        byte[] out = new byte[length];
        int end = offset + length;
        for (int at = offset; at < end; ) {
            int labelLength = input[at] & 0xff;
            out[at - offset] = '.';
            at++;
            if (at + labelLength > end) {
                return new String(input, offset, length, StandardCharsets.UTF_8);
            }
            System.arraycopy(input, at, out, at - offset, labelLength);
            at += labelLength;
        }
        return new String(out, 1, length - 1, StandardCharsets.UTF_8);
    }
}
