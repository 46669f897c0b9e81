package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shares one collection among the periodic hooks of all event types: JFR runs the hooks of one
 * period one after another, and each asks for its family, so without the cache every family
 * would trigger a full collection.
 */
final class SnapshotCache {
    private static final System.Logger logger = System.getLogger(SnapshotCache.class.getName());

    private final Supplier<MetricSnapshots> source;
    private final Function<MetricSnapshot, String> familyName;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private Map<String, MetricSnapshot> families = Map.of();
    private long takenAt;
    private boolean taken;
    private boolean failureLogged;

    SnapshotCache(Supplier<MetricSnapshots> source, Function<MetricSnapshot, String> familyName, long maxAgeNanos,
                  LongSupplier nanoTime) {
        this.source = source;
        this.familyName = familyName;
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * The families of a collection at most {@code maxAgeNanos} old, by family name. Never throws:
     * if the collection fails, the failure is logged once and no family is returned.
     */
    synchronized Map<String, MetricSnapshot> families() {
        long now = nanoTime.getAsLong();
        if (!taken || now - takenAt > maxAgeNanos) {
            families = collect();
            takenAt = now;
            taken = true;
        }
        return families;
    }

    /** Collects now, bypassing the cache; failures propagate. */
    Map<String, MetricSnapshot> byFamily(MetricSnapshots snapshots) {
        Map<String, MetricSnapshot> byName = new HashMap<>();
        for (MetricSnapshot snapshot : snapshots) {
            byName.put(familyName.apply(snapshot), snapshot);
        }
        return byName;
    }

    /**
     * The name client_java's text writers expose a family under: counters and info metrics carry
     * the suffix that client_java strips from their snapshot names.
     */
    static String expositionName(MetricSnapshot snapshot) {
        String name = snapshot.getMetadata().getName();
        return switch (snapshot) {
            case CounterSnapshot _ -> name + "_total";
            case InfoSnapshot _ -> name + "_info";
            default -> name;
        };
    }

    private Map<String, MetricSnapshot> collect() {
        try {
            return byFamily(source.get());
        } catch (RuntimeException e) {
            if (!failureLogged) {
                failureLogged = true;
                logger.log(System.Logger.Level.WARNING, "Collecting metrics for JFR failed; no metric events this period", e);
            }
            return Map.of();
        }
    }
}
