package org.ebpfexporter.jmx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The last period of a family: its series at the start, and its length. Computes what increased
 * in it; a value below its start value means the source restarted, and counts from zero, as
 * Prometheus's {@code rate} treats counter resets.
 *
 * @param start the family's series at the start of the period, by label set
 * @param seconds the length of the period, NaN before a family has been seen twice
 */
record Period(Map<Series.LabelSet, Series> start, double seconds) {
  /** No period yet: every increase and rate is unknown. */
  static final Period NONE = new Period(Map.of(), Double.NaN);

  /** The increase of a value series in this period, NaN when the series has no start. */
  double increase(Series series) {
    if (!(series.sample() instanceof Series.Value now)
        || !(start.get(series.labels()) instanceof Series s)
        || !(s.sample() instanceof Series.Value before)) {
      return Double.NaN;
    }
    return now.value() >= before.value() ? now.value() - before.value() : now.value();
  }

  /** The increase per second, NaN when unknown. */
  double rate(double increase) {
    return increase / seconds;
  }

  /**
   * What a histogram series observed in this period, as a histogram of its own; null when the
   * series has no start.
   */
  Series.Histogram increase(Series.LabelSet labels, Series.Histogram now) {
    if (!(start.get(labels) instanceof Series s) || !(s.sample() instanceof Series.Histogram before)) {
      return null;
    }
    if (now.count() < before.count() || !Arrays.equals(now.bounds(), before.bounds())) {
      return now; // Restarted, or another layout: all it holds is new.
    }
    long[] cumulative = new long[now.cumulative().length];
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] = Math.max(0, now.cumulative()[i] - before.cumulative()[i]);
    }
    return new Series.Histogram(
        now.count() - before.count(), now.sum() - before.sum(), now.bounds(), cumulative);
  }

  /**
   * The histograms added up bucket by bucket: the family's distribution over all its series.
   * Null when there are none, or when their bounds differ, which leaves no common layout.
   */
  static Series.Histogram merge(List<Series.Histogram> histograms) {
    if (histograms.isEmpty()) {
      return null;
    }
    double[] bounds = histograms.getFirst().bounds();
    long count = 0;
    double sum = 0;
    long[] cumulative = new long[bounds.length];
    for (Series.Histogram h : histograms) {
      if (!Arrays.equals(bounds, h.bounds())) {
        return null;
      }
      count += h.count();
      sum += h.sum();
      for (int i = 0; i < bounds.length; i++) {
        cumulative[i] += h.cumulative()[i];
      }
    }
    return new Series.Histogram(count, sum, bounds, cumulative);
  }
}
