package org.ebpfexporter.jmx;

import java.util.ArrayList;
import java.util.List;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularType;

/**
 * The numbers a console shows for each series of a family, by kind: their columns and values.
 *
 * <ul>
 *   <li>counters: {@code value} and {@code ratePerSecond}, the increase per second over the last
 *       period;
 *   <li>gauges, untyped, info and state sets: {@code value};
 *   <li>histograms: {@code count} and {@code sum} since the start, then over the last period
 *       {@code mean} and the estimated {@code p50}, {@code p90} and {@code p99} (in milliseconds,
 *       with the suffix {@code Millis}, for a family in seconds), {@code ratePerSecond}
 *       (observations per second), and the cumulative {@code buckets};
 *   <li>summaries: {@code count}, {@code sum} and {@code quantiles}.
 * </ul>
 */
final class Measures {
  private static final double[] QUANTILES = {0.5, 0.9, 0.99};
  private static final String[] QUANTILE_NAMES = {"p50", "p90", "p99"};
  private static final String ESTIMATE =
      ", estimated from the buckets by linear interpolation within the bucket that holds it"
          + " (as Prometheus's histogram_quantile)";

  private final FamilySpec spec;
  private final List<Column> columns;
  private final TabularType nested;

  Measures(FamilySpec spec) {
    this.spec = spec;
    this.nested = switch (spec.type()) {
      case HISTOGRAM -> SeriesTables.bucketsType(spec.family());
      case SUMMARY -> SeriesTables.quantilesType(spec.family());
      default -> null;
    };
    this.columns = List.copyOf(columns(spec, nested));
  }

  List<Column> columns() {
    return columns;
  }

  private static List<Column> columns(FamilySpec spec, TabularType nested) {
    List<Column> c = new ArrayList<>();
    switch (spec.type()) {
      case COUNTER -> {
        c.add(new Column("value", "the counter's value", valueType(spec)));
        c.add(new Column("ratePerSecond", "increase per second over the last period (between the"
            + " two latest collections at least a second apart); NaN until there are two",
            SimpleType.DOUBLE));
      }
      case HISTOGRAM -> {
        String unit = spec.inMillis() ? " in milliseconds" : "";
        String suffix = spec.inMillis() ? "Millis" : "";
        c.add(new Column("count", "number of observations since the start", SimpleType.LONG));
        c.add(new Column("sum", "sum of observations since the start", SimpleType.DOUBLE));
        c.add(new Column("mean" + suffix, "mean of the observations in the last period" + unit
            + "; NaN when there were none", SimpleType.DOUBLE));
        for (int i = 0; i < QUANTILES.length; i++) {
          c.add(new Column(QUANTILE_NAMES[i] + suffix, "the " + percentile(QUANTILES[i])
              + " percentile of the observations in the last period" + unit + ESTIMATE
              + "; NaN when there were none", SimpleType.DOUBLE));
        }
        c.add(new Column("ratePerSecond", "observations per second over the last period",
            SimpleType.DOUBLE));
        c.add(new Column("buckets", nested.getDescription(), nested));
      }
      case SUMMARY -> {
        c.add(new Column("count", "number of observations", SimpleType.LONG));
        c.add(new Column("sum", "sum of observations", SimpleType.DOUBLE));
        c.add(new Column("quantiles", nested.getDescription(), nested));
      }
      default -> c.add(new Column("value", "the sample value", valueType(spec)));
    }
    return c;
  }

  /** The values of {@link #columns()} for one series. */
  List<Object> of(Series series, Period period) {
    return switch (series.sample()) {
      case Series.Value v when spec.type() == FamilyType.COUNTER ->
          List.of(value(v.value()), period.rate(period.increase(series)));
      case Series.Value v -> List.of(value(v.value()));
      case Series.Histogram h -> histogram(h, period.increase(series.labels(), h), period.seconds());
      case Series.Summary s -> List.of(s.count(), s.sum(), SeriesTables.quantiles(nested, s));
    };
  }

  /** The histogram values for the totals of a series (or of a family) and its increase. */
  List<Object> histogram(Series.Histogram total, Series.Histogram increase, double seconds) {
    List<Object> values = new ArrayList<>();
    values.add(total.count());
    values.add(total.sum());
    double scale = spec.inMillis() ? 1000 : 1;
    boolean observed = increase != null && increase.count() > 0;
    values.add(observed ? increase.sum() / increase.count() * scale : Double.NaN);
    for (double q : QUANTILES) {
      values.add(observed
          ? BucketQuantile.estimate(q, increase.bounds(), increase.cumulative()) * scale
          : Double.NaN);
    }
    values.add(increase == null ? Double.NaN : increase.count() / seconds);
    values.add(SeriesTables.buckets(nested, total, spec.boundText()));
    return values;
  }

  /** A value as its column's type: {@code Long} for an integral family. */
  Object value(double value) {
    return spec.integral() ? (Object) Math.round(value) : (Object) value;
  }

  /** The open type of the family's values. */
  static SimpleType<?> valueType(FamilySpec spec) {
    return spec.integral() ? SimpleType.LONG : SimpleType.DOUBLE;
  }

  private static String percentile(double q) {
    return Math.round(q * 100) + "th";
  }
}
