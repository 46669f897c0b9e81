package org.ebpfexporter.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ebpfexporter.exporter.config.ConfigException;
import org.ebpfexporter.exporter.config.ConfigSource;
import org.ebpfexporter.exporter.config.InputFiles;

/**
 * A set of configs embedded in the jar under a resource folder such as {@code /defaults/}
 * (listed in its {@code index.txt}), read from the jar itself: the objects are opened from memory,
 * so nothing is unpacked and no file is left behind, however the process ends.
 *
 * @param root  the set's resource folder, such as {@code /defaults/}
 * @param names the config names, in index order
 */
public record DefaultConfigs(String root, List<String> names) implements ConfigSource {
    private static final String ROOT = "/defaults/";
    /** The embedded set the Java agent runs with no options: HotSpot probes of its own JVM. */
    public static final String AGENT_ROOT = "/agent-defaults/";

    /** Copies the names. */
    public DefaultConfigs {
        names = List.copyOf(names);
    }

    /**
     * The daemon's embedded set.
     *
     * @throws ExporterException when the jar has no embedded configs
     */
    public static DefaultConfigs embedded() {
        return embedded(ROOT);
    }

    /**
     * An embedded set.
     *
     * @param root the set's resource folder, such as {@link #AGENT_ROOT}
     * @throws ExporterException when the jar does not embed that set
     */
    public static DefaultConfigs embedded(String root) {
        try (InputStream in = DefaultConfigs.class.getResourceAsStream(root + "index.txt")) {
            if (in == null) {
                throw new ExporterException("this build has no embedded configs: pass --config.dir and --config.names",
                        null);
            }
            List<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            return new DefaultConfigs(root, names);
        } catch (IOException e) {
            throw new ExporterException("cannot read the embedded configs: " + e.getMessage(), e);
        }
    }

    /** {@code embedded:/defaults/timers.yaml}, for example. */
    @Override
    public String describe(String file) {
        return "embedded:" + root + file;
    }

    /** Refuses a name that the index does not list. */
    @Override
    public void checkName(String name) {
        if (!names.contains(name)) {
            throw new ConfigException(describe("index.txt") + ": no config \"" + name + "\"");
        }
    }

    @Override
    public byte[] read(String file, int maxBytes) {
        try (InputStream in = DefaultConfigs.class.getResourceAsStream(root + file)) {
            if (in == null) {
                throw new ConfigException(describe(file) + ": missing from the jar");
            }
            return InputFiles.readAtMost(describe(file), in, maxBytes);
        } catch (IOException e) {
            throw new ConfigException(describe(file) + ": cannot read: " + e.getMessage(), e);
        }
    }
}
