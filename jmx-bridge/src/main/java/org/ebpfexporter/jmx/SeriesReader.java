package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the data points of a snapshot into {@link Series}.
 *
 * <p>Info series have the value 1, as in the exposition formats. A state set gives one series per
 * state with the state in a label named after the family, again as the exposition formats write
 * it, and the value 1 or 0. Histogram buckets become cumulative counts, as Prometheus shows them.
 */
final class SeriesReader {
  private SeriesReader() {}

  static List<Series> read(MetricSnapshot snapshot) {
    List<Series> series = new ArrayList<>(snapshot.getDataPoints().size());
    String family = snapshot.getMetadata().getPrometheusName();
    for (DataPointSnapshot point : snapshot.getDataPoints()) {
      List<String> names = names(point.getLabels());
      List<String> values = values(point.getLabels());
      switch (point) {
        case CounterSnapshot.CounterDataPointSnapshot p -> series.add(value(names, values, p.getValue()));
        case GaugeSnapshot.GaugeDataPointSnapshot p -> series.add(value(names, values, p.getValue()));
        case UnknownSnapshot.UnknownDataPointSnapshot p -> series.add(value(names, values, p.getValue()));
        case InfoSnapshot.InfoDataPointSnapshot _ -> series.add(value(names, values, 1.0));
        case StateSetSnapshot.StateSetDataPointSnapshot p -> {
          for (int i = 0; i < p.size(); i++) {
            List<String> n = new ArrayList<>(names);
            List<String> v = new ArrayList<>(values);
            n.add(family);
            v.add(p.getName(i));
            series.add(value(n, v, p.isTrue(i) ? 1.0 : 0.0));
          }
        }
        case HistogramSnapshot.HistogramDataPointSnapshot p ->
            series.add(new Series(new Series.LabelSet(names, values), histogram(p)));
        case SummarySnapshot.SummaryDataPointSnapshot p ->
            series.add(new Series(new Series.LabelSet(names, values), summary(p)));
        default -> {
          // No other kind of data point exists in the model.
        }
      }
    }
    return series;
  }

  private static Series.Histogram histogram(HistogramSnapshot.HistogramDataPointSnapshot p) {
    ClassicHistogramBuckets buckets = p.getClassicBuckets();
    double[] bounds = new double[buckets.size()];
    long[] cumulative = new long[buckets.size()];
    long running = 0;
    for (int i = 0; i < buckets.size(); i++) {
      // The model keeps per-bucket counts; Prometheus users read cumulative ones.
      running += buckets.getCount(i);
      bounds[i] = buckets.getUpperBound(i);
      cumulative[i] = running;
    }
    long count = p.hasCount() ? p.getCount() : running;
    double sum = p.hasSum() ? p.getSum() : Double.NaN;
    return new Series.Histogram(count, sum, bounds, cumulative);
  }

  private static Series.Summary summary(SummarySnapshot.SummaryDataPointSnapshot p) {
    int n = p.getQuantiles().size();
    double[] quantiles = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      quantiles[i] = p.getQuantiles().get(i).getQuantile();
      values[i] = p.getQuantiles().get(i).getValue();
    }
    long count = p.hasCount() ? p.getCount() : 0L;
    double sum = p.hasSum() ? p.getSum() : Double.NaN;
    return new Series.Summary(count, sum, quantiles, values);
  }

  private static Series value(List<String> names, List<String> values, double value) {
    return new Series(new Series.LabelSet(names, values), new Series.Value(value));
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
