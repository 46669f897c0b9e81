package org.ebpfexporter.exporter.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * File inputs (configs, objects, BTF, the PCI ID database) must be regular files of bounded size.
 * A FIFO would block the open itself, forever when nothing writes to it, and a device or an
 * endless file would never end: so a file is checked before it is opened, and read no further
 * than its bound. Symbolic links are followed, as to any regular file.
 *
 * <p>What remains: a regular file replaced by a FIFO between the check and the open still blocks
 * the open. Only someone who may write the config directory can do that, and SIGTERM still
 * stops the exporter at that moment.
 */
public final class InputFiles {
    /** The most bytes of a {@code NAME.yaml} config. Upstream's examples are all under 4 KiB. */
    public static final int YAML_MAX_BYTES = 1 << 20;
    /** The most bytes of a {@code NAME.bpf.o} object. The examples are under 1 MiB with BTF. */
    public static final int OBJECT_MAX_BYTES = 64 << 20;
    /** The most bytes of a {@code --btf.path} file; a kernel's whole BTF is 5 to 10 MiB. */
    public static final int BTF_MAX_BYTES = 64 << 20;
    /** The most bytes of the PCI ID database; Debian's is under 2 MiB. */
    public static final int PCI_IDS_MAX_BYTES = 16 << 20;
    /** The most bytes of a {@code --jvm.libjvm} library, which libbpf maps to find its USDT notes. */
    public static final int LIBRARY_MAX_BYTES = 1 << 30;

    private InputFiles() {}

    /**
     * Checks that a file is a regular file of at most {@code maxBytes}, without opening it, for
     * files that another library opens by path.
     *
     * @throws ConfigException one line: the file and the problem
     */
    public static void check(Path file, int maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": permission denied", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!attributes.isRegularFile()) {
            throw new ConfigException(file + ": not a regular file");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(file.toString(), maxBytes);
        }
    }

    /**
     * Checks a file as {@link #check} does, then reads it, never more than {@code maxBytes}.
     *
     * @throws ConfigException one line: the file and the problem
     */
    public static byte[] read(Path file, int maxBytes) {
        check(file, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(file.toString(), in, maxBytes);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream to its end, refusing more than {@code maxBytes}: a file can grow after its
     * size was checked, and files such as {@code /proc}'s report a size of 0.
     *
     * @param name what the message calls the stream
     * @throws ConfigException when there is more
     */
    public static byte[] readAtMost(String name, InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in.readNBytes(maxBytes);
        if (bytes.length == maxBytes && in.read() >= 0) {
            throw tooLarge(name, maxBytes);
        }
        return bytes;
    }

    /** The complaint about a file over its bound. */
    public static ConfigException tooLarge(String name, int maxBytes) {
        return new ConfigException(name + ": larger than " + maxBytes + " bytes");
    }
}
