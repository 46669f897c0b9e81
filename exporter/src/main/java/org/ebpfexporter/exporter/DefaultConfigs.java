package org.ebpfexporter.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The configs embedded in the jar under {@code defaults/} (listed in {@code defaults/index.txt}),
 * unpacked into a temporary directory because libbpf opens objects by path.
 *
 * @param directory where the configs were unpacked
 * @param names     the config names, in index order
 */
public record DefaultConfigs(Path directory, List<String> names) implements AutoCloseable {
    private static final String ROOT = "/defaults/";

    /** Copies the names. */
    public DefaultConfigs {
        names = List.copyOf(names);
    }

    /**
     * Unpacks every embedded config.
     *
     * @throws ExporterException when the jar has no embedded configs
     */
    public static DefaultConfigs extract() {
        try {
            List<String> names = index();
            Path directory = Files.createTempDirectory("ebpf-exporter-defaults");
            for (String name : names) {
                copy(name + ".yaml", directory);
                copy(name + ".bpf.o", directory);
            }
            return new DefaultConfigs(directory, names);
        } catch (IOException e) {
            throw new ExporterException("cannot unpack the embedded configs: " + e.getMessage(), e);
        }
    }

    /** Deletes the unpacked files; the kernel keeps what was loaded from them. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> index() throws IOException {
        try (InputStream in = DefaultConfigs.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                throw new ExporterException("this build has no embedded configs: pass --config.dir and --config.names", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static void copy(String file, Path directory) throws IOException {
        try (InputStream in = DefaultConfigs.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new ExporterException("embedded config file " + file + " is missing from the jar", null);
            }
            Files.copy(in, directory.resolve(file));
        }
    }
}
