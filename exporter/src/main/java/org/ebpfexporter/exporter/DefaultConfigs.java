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
    /** The embedded set the Java agent runs with no options: HotSpot probes of its own JVM. */
    public static final String AGENT_ROOT = "/agent-defaults/";

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
        return extract(ROOT);
    }

    /**
     * Unpacks every config of an embedded set.
     *
     * @param root the set's resource folder, such as {@link #AGENT_ROOT}
     * @throws ExporterException when the jar does not embed that set
     */
    public static DefaultConfigs extract(String root) {
        try {
            List<String> names = index(root);
            Path directory = Files.createTempDirectory("ebpf-exporter-defaults");
            for (String name : names) {
                copy(root, name + ".yaml", directory);
                copy(root, name + ".bpf.o", directory);
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

    private static List<String> index(String root) throws IOException {
        try (InputStream in = DefaultConfigs.class.getResourceAsStream(root + "index.txt")) {
            if (in == null) {
                throw new ExporterException("this build has no embedded configs: pass --config.dir and --config.names", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static void copy(String root, String file, Path directory) throws IOException {
        try (InputStream in = DefaultConfigs.class.getResourceAsStream(root + file)) {
            if (in == null) {
                throw new ExporterException("embedded config file " + file + " is missing from the jar", null);
            }
            Files.copy(in, directory.resolve(file));
        }
    }
}
