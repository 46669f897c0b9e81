package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one collection service of a running exporter, shared by every sink so that a map is read at
 * most once per collection cycle, however many sinks ask at once.
 *
 * <ul>
 *   <li>{@link #fresh()} (HTTP scrapes): callers that arrive while a collection runs wait for it
 *       and share its result; a caller arriving after it finished starts a new one, so every
 *       scrape sees the maps as they are.
 *   <li>{@link #recent()} (JMX and JFR): the latest collection if it started less than the max
 *       age ago, else a new one, shared like {@link #fresh()}. Scrapes thus refresh what JMX and
 *       JFR reuse, and browsing every MBean or emitting every JFR event type costs one collection.
 * </ul>
 *
 * <p>The max age bounds how stale a JMX attribute or JFR event may be. Keep it below the JFR
 * period: JFR fires its hooks one period apart, so with a max age of a whole period every other
 * period would republish the previous one's values.
 */
public final class SharedCollection {
    /** The default max age, half of JFR's default period of one second. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMillis(500);

    private final Supplier<MetricSnapshots> source;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private CompletableFuture<MetricSnapshots> inFlight;
    private MetricSnapshots latest;
    private long latestStartedAt;

    /** A collection of {@code source} with the {@linkplain #DEFAULT_MAX_AGE default max age}. */
    public SharedCollection(Supplier<MetricSnapshots> source) {
        this(source, DEFAULT_MAX_AGE);
    }

    /**
     * @param source what to collect, such as a registry's {@code scrape}
     * @param maxAge how old a collection {@link #recent()} may return; zero makes it collect afresh
     */
    public SharedCollection(Supplier<MetricSnapshots> source, Duration maxAge) {
        this(source, maxAge, System::nanoTime);
    }

    SharedCollection(Supplier<MetricSnapshots> source, Duration maxAge, LongSupplier nanoTime) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("max age must not be negative, got " + maxAge);
        }
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The snapshots of the collection in flight, or of a new one. */
    public MetricSnapshots fresh() {
        CompletableFuture<MetricSnapshots> future;
        boolean leader = false;
        synchronized (this) {
            future = inFlight;
            if (future == null) {
                future = inFlight = new CompletableFuture<>();
                leader = true;
            }
        }
        if (leader) {
            collect(future);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a collection", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The latest collection if younger than the max age, otherwise {@link #fresh()}. */
    public MetricSnapshots recent() {
        synchronized (this) {
            if (latest != null && nanoTime.getAsLong() - latestStartedAt < maxAgeNanos) {
                return latest;
            }
        }
        return fresh();
    }

    /**
     * {@link #recent()}, restricted to some families.
     *
     * @param names which families to keep, by Prometheus name (as {@code PrometheusRegistry.scrape} filters)
     */
    public MetricSnapshots recent(Predicate<String> names) {
        List<MetricSnapshot> kept = new ArrayList<>();
        for (MetricSnapshot snapshot : recent()) {
            if (names.test(snapshot.getMetadata().getPrometheusName())) {
                kept.add(snapshot);
            }
        }
        return new MetricSnapshots(kept);
    }

    private void collect(CompletableFuture<MetricSnapshots> future) {
        long startedAt = nanoTime.getAsLong();
        MetricSnapshots collected = null;
        Throwable failure = null;
        try {
            collected = source.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            synchronized (this) {
                inFlight = null;
                if (collected != null) {
                    latest = collected;
                    latestStartedAt = startedAt;
                }
            }
        }
        if (failure == null) {
            future.complete(collected);
        } else {
            future.completeExceptionally(failure);
        }
    }
}
