package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * {@code ebpf_exporter_build_info}: 1, labelled as Go's build info is, with the Java runtime's
 * version where Go's has {@code goversion}.
 */
final class BuildInfo {
    static final String HELP = "A metric with a constant '1' value labeled by version, revision, branch, "
            + "and javaversion from which ebpf_exporter was built.";
    private static final String UNKNOWN = "unknown";

    private BuildInfo() {}

    static GaugeDataPointSnapshot dataPoint() {
        Package pkg = BuildInfo.class.getPackage();
        String version = pkg.getImplementationVersion();
        return GaugeDataPointSnapshot.builder().value(1).labels(Labels.of(
                "branch", UNKNOWN,
                "javaversion", Runtime.version().toString(),
                "revision", UNKNOWN,
                "version", version == null ? UNKNOWN : version)).build();
    }
}
