package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;
import javax.management.openmbean.TabularType;

/**
 * Turns the data points of a snapshot into {@link Row}s.
 *
 * <p>Value families give one {@code value} per row. Info rows have the value 1, as in the
 * exposition formats. A state set gives one row per state with the state in a label named after
 * the family, again as the exposition formats write it, and the value 1 or 0. Histograms and
 * summaries give {@code count}, {@code sum} and a nested table: cumulative bucket counts by
 * {@code le}, or values by {@code quantile}.
 */
final class SeriesRows {
  private SeriesRows() {}

  static List<Row> values(MetricSnapshot snapshot) {
    List<Row> rows = new ArrayList<>(snapshot.getDataPoints().size());
    String family = snapshot.getMetadata().getPrometheusName();
    for (DataPointSnapshot point : snapshot.getDataPoints()) {
      List<String> names = names(point.getLabels());
      List<String> values = values(point.getLabels());
      switch (point) {
        case CounterSnapshot.CounterDataPointSnapshot p ->
            rows.add(row(names, values, p.getValue()));
        case GaugeSnapshot.GaugeDataPointSnapshot p ->
            rows.add(row(names, values, p.getValue()));
        case UnknownSnapshot.UnknownDataPointSnapshot p ->
            rows.add(row(names, values, p.getValue()));
        case InfoSnapshot.InfoDataPointSnapshot _ -> rows.add(row(names, values, 1.0));
        case StateSetSnapshot.StateSetDataPointSnapshot p -> {
          for (int i = 0; i < p.size(); i++) {
            List<String> n = new ArrayList<>(names);
            List<String> v = new ArrayList<>(values);
            n.add(family);
            v.add(p.getName(i));
            rows.add(row(n, v, p.isTrue(i) ? 1.0 : 0.0));
          }
        }
        default -> {
          // Not a value family; FamilyView never asks.
        }
      }
    }
    return rows;
  }

  /** Rows of a histogram or summary; {@code nested} is the type of the bucket or quantile table. */
  static List<Row> distributions(MetricSnapshot snapshot, TabularType nested) {
    List<Row> rows = new ArrayList<>(snapshot.getDataPoints().size());
    for (DataPointSnapshot point : snapshot.getDataPoints()) {
      List<String> names = names(point.getLabels());
      List<String> values = values(point.getLabels());
      switch (point) {
        case HistogramSnapshot.HistogramDataPointSnapshot p -> {
          ClassicHistogramBuckets buckets = p.getClassicBuckets();
          List<String> le = new ArrayList<>(buckets.size());
          List<Long> cumulative = new ArrayList<>(buckets.size());
          long running = 0;
          for (int i = 0; i < buckets.size(); i++) {
            // The model keeps per-bucket counts; JMX readers expect Prometheus' cumulative ones.
            running += buckets.getCount(i);
            le.add(SeriesTables.formatDouble(buckets.getUpperBound(i)));
            cumulative.add(running);
          }
          long count = p.hasCount() ? p.getCount() : running;
          double sum = p.hasSum() ? p.getSum() : Double.NaN;
          Object table = SeriesTables.keyValues(nested, le, cumulative);
          rows.add(new Row(names, values, List.of(count, sum, table)));
        }
        case SummarySnapshot.SummaryDataPointSnapshot p -> {
          List<String> q = new ArrayList<>(p.getQuantiles().size());
          List<Double> v = new ArrayList<>(p.getQuantiles().size());
          for (Quantile quantile : p.getQuantiles()) {
            q.add(SeriesTables.formatDouble(quantile.getQuantile()));
            v.add(quantile.getValue());
          }
          long count = p.hasCount() ? p.getCount() : 0L;
          double sum = p.hasSum() ? p.getSum() : Double.NaN;
          Object table = SeriesTables.keyValues(nested, q, v);
          rows.add(new Row(names, values, List.of(count, sum, table)));
        }
        default -> {
          // Not a distribution family; FamilyView never asks.
        }
      }
    }
    return rows;
  }

  private static Row row(List<String> names, List<String> values, double value) {
    return new Row(names, values, List.of(value));
  }

  private static List<String> names(Labels labels) {
    List<String> names = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      names.add(labels.getPrometheusName(i));
    }
    return names;
  }

  private static List<String> values(Labels labels) {
    List<String> values = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      values.add(labels.getValue(i));
    }
    return values;
  }
}
