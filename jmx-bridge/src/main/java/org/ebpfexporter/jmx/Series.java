package org.ebpfexporter.jmx;

import java.util.List;

/**
 * One series of a family as of one collection: its labels and its sample.
 *
 * @param labels the label set
 * @param sample the value, or the histogram or summary data
 */
record Series(LabelSet labels, Sample sample) {
  /**
   * The labels of a series, names and values in the snapshot's order; also the key that finds
   * the same series in an earlier collection.
   *
   * @param names label names
   * @param values label values, same order
   */
  record LabelSet(List<String> names, List<String> values) {
    LabelSet {
      names = List.copyOf(names);
      values = List.copyOf(values);
    }

    /** The value of label {@code name}, or the empty string when this set lacks it. */
    String value(String name) {
      int i = names.indexOf(name);
      return i < 0 ? "" : values.get(i);
    }

    boolean isEmpty() {
      return names.isEmpty();
    }
  }

  /** What a series holds. */
  sealed interface Sample permits Value, Histogram, Summary {}

  /** A counter, gauge, untyped, info or state-set value. */
  record Value(double value) implements Sample {}

  /**
   * A classic histogram.
   *
   * @param count number of observations
   * @param sum sum of observations, NaN when unknown
   * @param bounds ascending upper bounds, {@code +Inf} last
   * @param cumulative observations less than or equal to each bound
   */
  record Histogram(long count, double sum, double[] bounds, long[] cumulative) implements Sample {}

  /**
   * A summary.
   *
   * @param count number of observations
   * @param sum sum of observations, NaN when unknown
   * @param quantiles the quantiles
   * @param values the value at each quantile
   */
  record Summary(long count, double sum, double[] quantiles, double[] values) implements Sample {}
}
