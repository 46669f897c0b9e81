package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps one collection for a short time so that a JMX client reading every attribute of every
 * MBean (as JConsole does on each poll) triggers a single collection instead of one per attribute.
 *
 * <p>Collection runs under the lock: concurrent readers wait for the one collection in flight
 * rather than starting their own.
 */
final class SnapshotCache {
  /** One collection, with the families indexed by name for attribute reads. */
  record Collected(MetricSnapshots snapshots, Map<String, MetricSnapshot> byName) {
    static Collected of(MetricSnapshots snapshots) {
      Map<String, MetricSnapshot> byName = new HashMap<>();
      for (MetricSnapshot s : snapshots) {
        byName.putIfAbsent(s.getMetadata().getPrometheusName(), s);
      }
      return new Collected(snapshots, Map.copyOf(byName));
    }

    MetricSnapshot family(String name) {
      return byName.get(name);
    }
  }

  private final Supplier<MetricSnapshots> source;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private Collected cached;
  private long collectedAt;
  private Collected pinned;

  SnapshotCache(Supplier<MetricSnapshots> source, Duration ttl) {
    this(source, ttl, System::nanoTime);
  }

  SnapshotCache(Supplier<MetricSnapshots> source, Duration ttl, LongSupplier nanoClock) {
    this.source = Objects.requireNonNull(source, "source");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("cache time must not be negative: " + ttl);
    }
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The cached collection if it is younger than the cache time, otherwise a new one. */
  synchronized Collected get() {
    if (pinned != null) {
      return pinned;
    }
    long now = nanoClock.getAsLong();
    if (cached == null || now - collectedAt >= ttlNanos) {
      MetricSnapshots snapshots =
          Objects.requireNonNull(source.get(), "the snapshot supplier returned null");
      cached = Collected.of(snapshots);
      collectedAt = now;
    }
    return cached;
  }

  /**
   * Serves {@code collected} to every reader until {@link #unpin()}. Registering an MBean makes the
   * MBean server read its MBeanInfo; pinning keeps a refresh at one collection even with no cache
   * time.
   */
  synchronized void pin(Collected collected) {
    pinned = collected;
  }

  synchronized void unpin() {
    pinned = null;
  }
}
