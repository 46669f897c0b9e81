package org.ebpfexporter.exporter.decoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the cgroup2 mount point in a {@code /proc/self/mountinfo} file. */
public final class CgroupMount {
    private static final System.Logger logger = System.getLogger(CgroupMount.class.getName());

    /** This process's mount table. */
    public static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private CgroupMount() {
    }

    /**
     * The first mount of file system type {@code cgroup2}, if any; none (with a warning) if the file
     * cannot be read.
     */
    public static Optional<Path> find(Path mountinfo) {
        List<String> lines;
        try {
            lines = Files.readAllLines(mountinfo);
        } catch (IOException e) {
            logger.log(System.Logger.Level.WARNING, "cgroup: cannot read " + mountinfo + ", cgroup ids will not be"
                    + " decoded: " + e);
            return Optional.empty();
        }
        for (String line : lines) {
            // ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER_OPTIONS
            String[] fields = line.split(" ");
            int separator = List.of(fields).indexOf("-");
            if (fields.length > 4 && separator > 0 && separator + 1 < fields.length
                    && fields[separator + 1].equals("cgroup2")) {
                return Optional.of(Path.of(unescape(fields[4])));
            }
        }
        return Optional.empty();
    }

    /** Undoes the kernel's octal escapes of space, tab, newline and backslash ({@code \040}). */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
