package org.ebpfexporter.exporter.collector;

/** Served metric names: every configured metric gets upstream's {@code ebpf_exporter_} namespace. */
public final class MetricNames {
    /** The namespace upstream's exporter puts before every metric name. */
    public static final String PREFIX = "ebpf_exporter_";

    private MetricNames() {}

    /** The name a configured metric is served under. */
    public static String served(String configured) {
        return PREFIX + configured;
    }

    /** Whether a family is the exporter's own (configured or built-in), by its Prometheus name. */
    public static boolean isServed(String prometheusName) {
        return prometheusName.startsWith(PREFIX);
    }
}
