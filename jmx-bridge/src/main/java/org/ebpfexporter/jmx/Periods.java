package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The last period of each family: the span between the two latest collections of it that the
 * bridge has seen, for rates and for the mean and quantiles of what was observed in it.
 *
 * <p>A collection is new when its snapshot of the family is another object than the last one. It
 * is timed when the bridge first sees it. A new collection less than the minimum period after the
 * previous one replaces it without moving the start of the period, so two reads in quick
 * succession do not shrink the period to nothing.
 */
final class Periods {
  /** The start and end of a family's period. */
  private record Seen(MetricSnapshot snapshot, long nanos) {}

  private final long minNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

  Periods(long minNanos, LongSupplier nanoClock) {
    this.minNanos = minNanos;
    this.nanoClock = nanoClock;
  }

  /**
   * The series of {@code current} and the period ending with it, noting it as the latest
   * collection of its family.
   */
  Latest latest(String family, MetricSnapshot current) {
    return trackers.computeIfAbsent(family, f -> new Tracker()).latest(current, nanoClock.getAsLong());
  }

  /**
   * A family's series in its latest collection, and its last period; read once per collection
   * however many MBeans show the family.
   *
   * @param series the series in the snapshot's order
   * @param byLabels the same, by label set
   * @param period the period ending with this collection
   */
  record Latest(List<Series> series, Map<Series.LabelSet, Series> byLabels, Period period) {}

  /** Forgets a family whose MBeans are gone. */
  void forget(String family) {
    trackers.remove(family);
  }

  private final class Tracker {
    private Seen start;
    private Seen end;
    private Latest startSeries;
    private Latest latest;

    synchronized Latest latest(MetricSnapshot current, long now) {
      if (end == null || end.snapshot() != current) {
        if (end != null && now - end.nanos() >= minNanos) {
          start = end;
          startSeries = latest;
        }
        end = new Seen(current, now);
        List<Series> series = SeriesReader.read(current);
        Period period = start == null
            ? Period.NONE
            : new Period(startSeries.byLabels(), (end.nanos() - start.nanos()) / 1e9);
        latest = new Latest(series, index(series), period);
      }
      return latest;
    }

    private static Map<Series.LabelSet, Series> index(List<Series> series) {
      Map<Series.LabelSet, Series> byLabels = new HashMap<>();
      for (Series s : series) {
        byLabels.putIfAbsent(s.labels(), s);
      }
      return Map.copyOf(byLabels);
    }
  }
}
