package org.ebpfexporter.exporter.exposition;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Collection;
import java.util.function.Function;

/**
 * A counter served under exactly the name it was given, as upstream names counters: with or
 * without a {@code _total} suffix. client_java's convention is that a counter's served name is its
 * name plus {@code _total}; {@link GoTextFormat} prints this one by {@link #servedName()} instead.
 * client_java's own writers still see a plain counter and append {@code _total} where it is missing.
 */
public final class VerbatimCounterSnapshot extends CounterSnapshot {
    private static final String TOTAL = "_total";

    private final String servedName;

    /**
     * @param servedName the exact name to serve, such as {@code ebpf_exporter_oom_kills}
     * @param help       the help text
     * @param dataPoints the samples
     */
    public VerbatimCounterSnapshot(String servedName, String help, Collection<CounterDataPointSnapshot> dataPoints) {
        super(new MetricMetadata(baseName(servedName), help), dataPoints);
        this.servedName = servedName;
    }

    /** The name the Go-compatible text format serves this counter under. */
    public String servedName() {
        return servedName;
    }

    /**
     * Names families as {@code /metrics} serves them: a verbatim counter by its own name, any
     * other family as {@code otherwise} names it; for the JMX and JFR bridges.
     */
    public static Function<MetricSnapshot, String> servedNames(Function<MetricSnapshot, String> otherwise) {
        return snapshot -> snapshot instanceof VerbatimCounterSnapshot verbatim
                ? verbatim.servedName() : otherwise.apply(snapshot);
    }

    private static String baseName(String servedName) {
        return servedName.endsWith(TOTAL) ? servedName.substring(0, servedName.length() - TOTAL.length()) : servedName;
    }
}
