package org.ebpfexporter.exporter.config;

import java.util.List;
import java.util.Objects;

/**
 * One configuration: the metrics read from the maps of the object {@code NAME.bpf.o}.
 *
 * @param name    the config name, taken from the file name (not a YAML field)
 * @param metrics the metrics to export
 * @param kaddrs  kernel symbols whose addresses are written into {@code kaddr_<symbol>} globals
 */
public record Config(String name, Metrics metrics, List<String> kaddrs) {
    /** Validates and copies. */
    public Config {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metrics, "metrics");
        kaddrs = List.copyOf(kaddrs);
    }
}
