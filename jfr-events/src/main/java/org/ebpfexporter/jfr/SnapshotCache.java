package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Shares one collection among the periodic hooks of all event types: JFR runs the hooks of one
 * period one after another, and each asks for its family, so without the cache every family
 * would trigger a full collection.
 */
final class SnapshotCache {
    private final Supplier<MetricSnapshots> source;
    private final Function<MetricSnapshot, String> familyName;
    private final BiConsumer<String, RuntimeException> failures;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private Map<String, MetricSnapshot> families = Map.of();
    private long takenAt;
    private boolean taken;

    /** @param failures receives each failed collection */
    SnapshotCache(Supplier<MetricSnapshots> source, Function<MetricSnapshot, String> familyName,
                  BiConsumer<String, RuntimeException> failures, long maxAgeNanos, LongSupplier nanoTime) {
        this.source = source;
        this.familyName = familyName;
        this.failures = failures;
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * The families of a collection at most {@code maxAgeNanos} old, by family name. Never throws:
     * if the collection fails, the failure goes to the failure handler and no family is returned
     * (until the next collection, which is not earlier than {@code maxAgeNanos} later).
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
            failures.accept("collecting metrics", e);
            return Map.of();
        }
    }
}
