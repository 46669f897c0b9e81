package org.ebpfexporter.exporter.decoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code majorminor}: a little-endian u32 device number in the kernel's userspace encoding
 * ({@code new_encode_dev}: major in bits 8-19, minor in bits 0-7 and 20-31, so {@code 0x800} is
 * 8:0) as the block device name listed for it in {@code /proc/partitions}, or
 * {@code unknown:MAJOR:MINOR}. Names found are cached; misses read the file again next time.
 */
public final class MajorMinorDecoder implements Decoder {
    /** The kernel's list of block devices. */
    public static final Path PARTITIONS = Path.of("/proc/partitions");

    private final Path partitions;
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    /** @param partitions a file in the format of {@code /proc/partitions} */
    public MajorMinorDecoder(Path partitions) {
        this.partitions = partitions;
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        long device = LittleEndian.u32("majorminor", input, offset, length);
        String name = names.get(device);
        if (name != null) {
            return name;
        }
        long major = (device & 0xfff00) >>> 8;
        long minor = (device & 0xff) | ((device >>> 12) & 0xfff00);
        name = find(Long.toString(major), Long.toString(minor));
        if (name == null) {
            return "unknown:" + major + ":" + minor;
        }
        names.put(device, name);
        return name;
    }

    private String find(String major, String minor) throws DecoderException {
        List<String> lines;
        try {
            lines = Files.readAllLines(partitions);
        } catch (IOException e) {
            throw new DecoderException("majorminor: cannot read " + partitions + ": " + e.getMessage());
        }
        for (String line : lines) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 4 && fields[0].equals(major) && fields[1].equals(minor)) {
                return fields[3];
            }
        }
        return null;
    }
}
