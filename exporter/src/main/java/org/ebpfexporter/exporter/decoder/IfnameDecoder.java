package org.ebpfexporter.exporter.decoder;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ifname}: a little-endian u32 network interface index as the interface's name, or
 * {@code unknown:INDEX} when no interface has it (for example one deleted since). Names found are
 * cached; misses are looked up again next time.
 */
public final class IfnameDecoder implements Decoder {
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        long index = LittleEndian.u32("ifname", input, offset, length);
        String name = names.get(index);
        if (name != null) {
            return name;
        }
        name = lookUp(index);
        if (name == null) {
            return "unknown:" + index;
        }
        names.put(index, name);
        return name;
    }

    private static String lookUp(long index) throws DecoderException {
        if (index > Integer.MAX_VALUE) {
            return null;
        }
        try {
            NetworkInterface nif = NetworkInterface.getByIndex((int) index);
            return nif == null ? null : nif.getName();
        } catch (SocketException e) {
            throw new DecoderException("ifname: looking up interface " + index + " failed: " + e.getMessage());
        }
    }
}
