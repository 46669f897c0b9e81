package org.ebpfexporter.exporter.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration: the metrics read from the maps of the object {@code NAME.bpf.o}.
 *
 * @param name        the config name, taken from the file name (not a YAML field)
 * @param metrics     the metrics to export
 * @param kaddrs      kernel symbols whose addresses are written into {@code kaddr_<symbol>} globals
 * @param tracing     trace spans (parsed and validated; not exported yet)
 * @param cgroupIdMap the cgroup id map to fill, if configured (parsed and validated; not served yet)
 */
public record Config(String name, Metrics metrics, List<String> kaddrs, Tracing tracing,
                     Optional<CgroupIdMap> cgroupIdMap) {
    /** Validates and copies. */
    public Config {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(cgroupIdMap, "cgroupIdMap");
        kaddrs = List.copyOf(kaddrs);
    }

    /** A config with metrics only. */
    public Config(String name, Metrics metrics, List<String> kaddrs) {
        this(name, metrics, kaddrs, Tracing.NONE, Optional.empty());
    }
}
