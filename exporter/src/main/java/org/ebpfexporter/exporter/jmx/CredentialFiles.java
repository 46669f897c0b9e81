package org.ebpfexporter.exporter.jmx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Start-up checks of {@code --jmx.password-file} and {@code --jmx.access-file}, each failing with
 * one line that names the flag, the file and the fix. The password file must be readable and
 * writable by its owner only, as the JDK's own agent ({@code ConnectorBootstrap}) demands; the
 * access file must not be writable by others, who could grant themselves {@code readwrite}.
 */
final class CredentialFiles {
    /** The largest file accepted: either holds a few lines. */
    static final long MAX_SIZE = 1 << 20;

    static final String PASSWORD_FLAG = "--jmx.password-file";
    static final String ACCESS_FLAG = "--jmx.access-file";

    // The bits the JDK agent's isAccessUserOnly rejects; execute bits grant no access to a file's content.
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> WRITE_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private CredentialFiles() {}

    /**
     * Checks the password file.
     *
     * @throws IllegalArgumentException naming flag and file when it is missing, not a regular file,
     *                                  unreadable, too large or open to other users
     */
    static void checkPasswordFile(Path file) {
        Set<PosixFilePermission> permissions = readableFile(PASSWORD_FLAG, file);
        if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
            throw new IllegalArgumentException(PASSWORD_FLAG + " " + file + ": readable or writable by other users ("
                    + PosixFilePermissions.toString(permissions) + "); restrict it to its owner: chmod 600 " + file);
        }
    }

    /**
     * Checks the access file.
     *
     * @throws IllegalArgumentException naming flag and file when it is missing, not a regular file,
     *                                  unreadable, too large or writable by other users
     */
    static void checkAccessFile(Path file) {
        Set<PosixFilePermission> permissions = readableFile(ACCESS_FLAG, file);
        if (permissions.stream().anyMatch(WRITE_BY_OTHERS::contains)) {
            throw new IllegalArgumentException(ACCESS_FLAG + " " + file + ": writable by other users ("
                    + PosixFilePermissions.toString(permissions)
                    + "), who could grant themselves readwrite: chmod go-w " + file);
        }
    }

    /** The permissions of a regular file the exporter can read. */
    private static Set<PosixFilePermission> readableFile(String flag, Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(flag + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(flag + " " + file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(flag + " " + file + ": not readable by the exporter's user");
        }
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new IllegalArgumentException(flag + " " + file + ": larger than " + MAX_SIZE + " bytes");
            }
            return Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(flag + " " + file
                    + ": its file system has no POSIX permissions, so who may read it cannot be checked", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + " " + file + ": " + e.getMessage(), e);
        }
    }
}
