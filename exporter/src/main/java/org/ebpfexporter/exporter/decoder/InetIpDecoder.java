package org.ebpfexporter.exporter.decoder;

import java.util.HexFormat;

/**
 * {@code inet_ip}: 4 or 16 address bytes in network order, printed as Go's {@code net.IP.String()}
 * does: dotted IPv4 (also for IPv4-mapped IPv6), otherwise RFC 5952 IPv6 with the first longest
 * run of two or more zero groups compressed; other lengths as {@code ?HEX}.
 */
public final class InetIpDecoder implements Decoder {
    @Override
    public String decode(byte[] input, int offset, int length) {
        if (length == 0) {
            return "<nil>";
        }
        if (length == 4) {
            return dotted(input, offset);
        }
        if (length != 16) {
            return "?" + HexFormat.of().formatHex(input, offset, offset + length);
        }
        if (isV4Mapped(input, offset)) {
            return dotted(input, offset + 12);
        }
        return ipv6(input, offset);
    }

    private static String dotted(byte[] b, int offset) {
        return (b[offset] & 0xff) + "." + (b[offset + 1] & 0xff) + "." + (b[offset + 2] & 0xff) + "." + (b[offset + 3] & 0xff);
    }

    private static boolean isV4Mapped(byte[] b, int offset) {
        for (int i = 0; i < 10; i++) {
            if (b[offset + i] != 0) {
                return false;
            }
        }
        return b[offset + 10] == (byte) 0xff && b[offset + 11] == (byte) 0xff;
    }

    private static String ipv6(byte[] b, int offset) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[offset + 2 * i] & 0xff) << 8) | (b[offset + 2 * i + 1] & 0xff);
        }
        int zeroStart = -1;
        int zeroEnd = -1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i >= 2 && j - i > zeroEnd - zeroStart) {
                zeroStart = i;
                zeroEnd = j;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == zeroStart) {
                out.append("::");
                i = zeroEnd - 1;
                continue;
            }
            if (i > 0 && i != zeroEnd) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
