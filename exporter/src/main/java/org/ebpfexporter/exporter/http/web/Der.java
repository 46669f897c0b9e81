package org.ebpfexporter.exporter.http.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The little DER that turns the traditional private key encodings (PKCS#1 RSA, SEC 1 EC), which
 * OpenSSL and Go write and the JDK does not read, into PKCS#8, which the JDK reads.
 */
final class Der {
    private static final int SEQUENCE = 0x30;
    private static final int OCTET_STRING = 0x04;
    private static final int CONTEXT_0 = 0xa0;
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    /** The OID id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = HexFormat.of().parseHex("06072a8648ce3d0201");

    private Der() {}

    /** A PKCS#1 {@code RSAPrivateKey} as a PKCS#8 {@code PrivateKeyInfo}. */
    static byte[] pkcs8FromRsa(byte[] pkcs1) {
        return tlv(SEQUENCE, VERSION_0, RSA_ALGORITHM, tlv(OCTET_STRING, pkcs1));
    }

    /** A SEC 1 {@code ECPrivateKey} (which names its curve) as a PKCS#8 {@code PrivateKeyInfo}. */
    static byte[] pkcs8FromEc(byte[] sec1) {
        byte[] curve = null;
        for (byte[] element : children(sec1)) {
            if ((element[0] & 0xff) == CONTEXT_0) {
                curve = content(element);
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("EC private key does not name its curve");
        }
        return tlv(SEQUENCE, VERSION_0, tlv(SEQUENCE, EC_PUBLIC_KEY, curve), tlv(OCTET_STRING, sec1));
    }

    /** The elements (tag, length and content each) of the SEQUENCE that {@code der} is. */
    private static List<byte[]> children(byte[] der) {
        if ((der[0] & 0xff) != SEQUENCE) {
            throw new IllegalArgumentException("not a DER SEQUENCE");
        }
        byte[] content = content(der);
        List<byte[]> elements = new ArrayList<>();
        for (int offset = 0; offset < content.length; ) {
            int end = offset + headerLength(content, offset) + contentLength(content, offset);
            elements.add(Arrays.copyOfRange(content, offset, end));
            offset = end;
        }
        return elements;
    }

    private static byte[] content(byte[] element) {
        int start = headerLength(element, 0);
        int end = start + contentLength(element, 0);
        if (end > element.length) {
            throw new IllegalArgumentException("truncated DER");
        }
        return Arrays.copyOfRange(element, start, end);
    }

    private static int headerLength(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int contentLength(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int octets = first & 0x7f;
        if (octets > 3) {
            throw new IllegalArgumentException("DER length too large");
        }
        int length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xff);
        }
        return length;
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
