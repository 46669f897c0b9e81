package org.ebpfexporter.exporter.jmx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Password and access files for remote JMX tests, with the permissions the exporter demands. */
public final class JmxFiles {
    private JmxFiles() {}

    /** Writes {@code jmxremote.password} into {@code dir}, readable by its owner only. */
    public static Path passwordFile(Path dir, String content) throws IOException {
        return withMode(Files.writeString(dir.resolve("jmxremote.password"), content), "rw-------");
    }

    /** Writes {@code jmxremote.access} into {@code dir}, writable by its owner only. */
    public static Path accessFile(Path dir, String content) throws IOException {
        return withMode(Files.writeString(dir.resolve("jmxremote.access"), content), "rw-r--r--");
    }

    /** Sets a file's permissions, as {@code chmod} would. */
    public static Path withMode(Path file, String mode) throws IOException {
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }
}
