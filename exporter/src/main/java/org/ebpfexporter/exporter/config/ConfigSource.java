package org.ebpfexporter.exporter.config;

import java.nio.file.Path;

/**
 * Where the files of a run's configs come from: {@code NAME.yaml} and {@code NAME.bpf.o} of a
 * directory, or of the set embedded in the jar. Files are read whole into memory, within their
 * bounds (see {@link InputFiles}), so nothing is unpacked and nothing opens them later by path.
 */
public interface ConfigSource {
    /** The files of a directory, such as {@code --config.dir}. */
    static ConfigSource directory(Path dir) {
        return new ConfigDirectory(dir);
    }

    /** What messages call a file of this source, such as {@code /etc/ebpf/timers.yaml}. */
    String describe(String file);

    /**
     * Refuses a config name that does not name files of this source.
     *
     * @throws ConfigException naming the source and the name
     */
    void checkName(String name);

    /**
     * Reads a file of this source.
     *
     * @param file     a file name, such as {@code timers.bpf.o}
     * @param maxBytes the file's bound
     * @throws ConfigException one line naming the file and the problem: missing, not a regular
     *                         file, larger than {@code maxBytes}, unreadable
     */
    byte[] read(String file, int maxBytes);
}
