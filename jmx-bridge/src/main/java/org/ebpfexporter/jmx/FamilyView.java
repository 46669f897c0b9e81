package org.ebpfexporter.jmx;

import java.util.ArrayList;
import java.util.List;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularType;

/**
 * The attributes of a family's MBean as of one collection.
 *
 * <ul>
 *   <li>{@code Type}: counter, gauge, histogram, summary, info, stateset or unknown;
 *   <li>the family's totals: for histograms the numbers of {@link Measures} over all series
 *       added up bucket by bucket ({@code Count}, {@code Sum}, {@code Mean}, {@code P50},
 *       {@code P90}, {@code P99}, {@code RatePerSecond}, {@code Buckets}); for counters
 *       {@code Total} and {@code RatePerSecond}; for other value families {@code Total};
 *   <li>without labels, the numbers of its one series ({@code Value}, ...);
 *   <li>with labels, {@code Series}: a table of every series' numbers, indexed by the labels;
 *   <li>{@code SeriesCount} and {@code Truncated}.
 * </ul>
 */
final class FamilyView {
  private FamilyView() {}

  static View of(FamilySpec spec, Measures measures, Periods.Latest latest) {
    View.Builder b = new View.Builder();
    b.add("Type", "kind of metric", SimpleType.STRING, spec.type().text());
    List<Series> series = latest == null ? List.of() : latest.series();
    Period period = latest == null ? Period.NONE : latest.period();
    LabelColumns labels = SeriesTables.labelColumns(series, measures.columns());
    if (spec.type() == FamilyType.HISTOGRAM) {
      histogramTotals(b, measures, series, period);
    } else if (labels.isEmpty() && !series.isEmpty()) {
      add(b, measures.columns(), measures.of(series.getFirst(), period));
    }
    if (spec.type() != FamilyType.HISTOGRAM && spec.type() != FamilyType.SUMMARY) {
      valueTotals(b, spec, measures, series, period, !labels.isEmpty());
    }
    boolean truncated = false;
    if (!labels.isEmpty()) {
      TabularType type = SeriesTables.seriesType(spec.family(), labels, measures.columns());
      int shown = Math.min(series.size(), spec.maxRows());
      List<List<Object>> values = new ArrayList<>(shown);
      for (Series s : series.subList(0, shown)) {
        values.add(measures.of(s, period));
      }
      SeriesTables.Filled filled =
          SeriesTables.fill(type, labels, measures.columns(), series, values, spec.maxRows());
      truncated = filled.truncated();
      b.add("Series", "one row per label set: the labels and the numbers of that series",
          type, filled.table());
    }
    b.add("SeriesCount", "number of series, including any left out of Series",
        SimpleType.INTEGER, series.size());
    b.add("Truncated", "true when Series omits rows beyond the row cap",
        SimpleType.BOOLEAN, truncated);
    return b.build(spec.description());
  }

  /** Adds the columns as attributes, named with a capital letter. */
  static void add(View.Builder b, List<Column> columns, List<Object> values) {
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      b.add(c.attribute(), c.description(), c.type(), values.get(i));
    }
  }

  private static void histogramTotals(
      View.Builder b, Measures measures, List<Series> series, Period period) {
    List<Series.Histogram> totals = new ArrayList<>();
    List<Series.Histogram> increases = new ArrayList<>();
    for (Series s : series) {
      if (s.sample() instanceof Series.Histogram h) {
        totals.add(h);
        Series.Histogram increase = period.increase(s.labels(), h);
        if (increase != null) {
          increases.add(increase);
        }
      }
    }
    Series.Histogram total = Period.merge(totals);
    if (total != null) {
      add(b, measures.columns(),
          measures.histogram(total, Period.merge(increases), period.seconds()));
    }
  }

  private static void valueTotals(
      View.Builder b, FamilySpec spec, Measures measures, List<Series> series, Period period,
      boolean labelled) {
    double total = 0;
    double increase = 0;
    boolean anyIncrease = false;
    for (Series s : series) {
      if (s.sample() instanceof Series.Value v) {
        total += v.value();
        double i = period.increase(s);
        if (!Double.isNaN(i)) {
          increase += i;
          anyIncrease = true;
        }
      }
    }
    b.add("Total", "sum of the values of all series", Measures.valueType(spec), measures.value(total));
    if (spec.type() == FamilyType.COUNTER && labelled) {
      // Without labels, the one series' RatePerSecond is there already.
      b.add("RatePerSecond", "increase of all series per second over the last period",
          SimpleType.DOUBLE, anyIncrease ? period.rate(increase) : Double.NaN);
    }
  }
}
