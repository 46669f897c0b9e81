package org.ebpfexporter.jmx;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.KeyAlreadyExistsException;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * Open types and open data for the tables of a family: the {@code Series} table (label columns
 * plus the series' numbers, indexed by all label columns) and the small tables nested in it
 * (histogram buckets, summary quantiles).
 *
 * <p>Consoles order a table by its index (JConsole sorts rows by the index items), so buckets are
 * indexed by their ordinal, {@code bucket}, rather than by the text of their bound: they show in
 * bound order, {@code +Inf} last.
 */
final class SeriesTables {
  /** A filled table and whether rows were left out because of the row cap. */
  record Filled(TabularData table, boolean truncated) {}

  private SeriesTables() {}

  /** The label columns over all series, in first-seen order, mapped away from {@code columns}. */
  static LabelColumns labelColumns(List<Series> series, List<Column> columns) {
    Set<String> names = new LinkedHashSet<>();
    for (Series s : series) {
      names.addAll(s.labels().names());
    }
    Set<String> reserved = new LinkedHashSet<>();
    for (Column c : columns) {
      reserved.add(c.name());
    }
    return LabelColumns.of(List.copyOf(names), reserved);
  }

  /** The table type; {@code labels} must not be empty, as a table needs an index. */
  static TabularType seriesType(String family, LabelColumns labels, List<Column> columns) {
    int n = labels.size() + columns.size();
    String[] items = new String[n];
    String[] descriptions = new String[n];
    OpenType<?>[] types = new OpenType<?>[n];
    for (int i = 0; i < labels.size(); i++) {
      items[i] = labels.itemNames().get(i);
      descriptions[i] = "label " + labels.labelNames().get(i);
      types[i] = SimpleType.STRING;
    }
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      items[labels.size() + i] = c.name();
      descriptions[labels.size() + i] = c.description();
      types[labels.size() + i] = c.type();
    }
    try {
      CompositeType rowType =
          new CompositeType(
              family + ".SeriesRow", "one series of " + family, items, descriptions, types);
      return new TabularType(
          family + ".Series",
          "series of " + family + ", one row per label set",
          rowType,
          labels.itemNames().toArray(String[]::new));
    } catch (OpenDataException e) {
      throw new IllegalStateException("cannot build the open type of " + family, e);
    }
  }

  /**
   * Fills the first {@code maxRows} series; a duplicate label set (malformed snapshot) is skipped.
   *
   * @param values the values of {@code columns} for each series, same order as {@code series}
   */
  static Filled fill(TabularType type, LabelColumns labels, List<Column> columns,
      List<Series> series, List<List<Object>> values, int maxRows) {
    int shown = Math.min(series.size(), maxRows);
    String[] items = new String[labels.size() + columns.size()];
    for (int i = 0; i < labels.size(); i++) {
      items[i] = labels.itemNames().get(i);
    }
    for (int i = 0; i < columns.size(); i++) {
      items[labels.size() + i] = columns.get(i).name();
    }
    TabularDataSupport table = new TabularDataSupport(type, shown * 2 + 1, 0.75f);
    for (int r = 0; r < shown; r++) {
      Object[] row = new Object[items.length];
      for (int i = 0; i < labels.size(); i++) {
        row[i] = series.get(r).labels().value(labels.labelNames().get(i));
      }
      for (int i = 0; i < columns.size(); i++) {
        row[labels.size() + i] = values.get(r).get(i);
      }
      try {
        table.put(new CompositeDataSupport(type.getRowType(), items, row));
      } catch (KeyAlreadyExistsException e) {
        // Two data points with one label set (a malformed snapshot): keep the first.
      } catch (OpenDataException e) {
        throw new IllegalStateException("row does not match " + type.getTypeName(), e);
      }
    }
    return new Filled(table, series.size() > maxRows);
  }

  /** The buckets of a histogram: {@code bucket} (the ordinal, index), {@code le}, {@code count}. */
  static TabularType bucketsType(String family) {
    String name = family + ".Buckets";
    String description = "cumulative count of observations less than or equal to each bound since"
        + " the start, in bound order";
    try {
      CompositeType rowType = new CompositeType(name + "Row", description,
          new String[] {"bucket", "le", "count"},
          new String[] {"ordinal of the bucket, 0 for the lowest bound",
              "upper bound, spelled as on /metrics", "observations less than or equal to le"},
          new OpenType<?>[] {SimpleType.INTEGER, SimpleType.STRING, SimpleType.LONG});
      return new TabularType(name, description, rowType, new String[] {"bucket"});
    } catch (OpenDataException e) {
      throw new IllegalStateException("cannot build the open type " + name, e);
    }
  }

  /** The buckets of {@code histogram} as {@link #bucketsType} rows. */
  static TabularData buckets(
      TabularType type, Series.Histogram histogram, DoubleFunction<String> boundText) {
    TabularDataSupport table =
        new TabularDataSupport(type, histogram.bounds().length * 2 + 1, 0.75f);
    String[] items = {"bucket", "le", "count"};
    for (int i = 0; i < histogram.bounds().length; i++) {
      Object[] row = {i, boundText.apply(histogram.bounds()[i]), histogram.cumulative()[i]};
      try {
        table.put(new CompositeDataSupport(type.getRowType(), items, row));
      } catch (OpenDataException e) {
        throw new IllegalStateException("row does not match " + type.getTypeName(), e);
      }
    }
    return table;
  }

  /** The quantiles of a summary: {@code quantile} (index) and {@code value}. */
  static TabularType quantilesType(String family) {
    String name = family + ".Quantiles";
    try {
      CompositeType rowType = new CompositeType(name + "Row", "value by quantile",
          new String[] {"quantile", "value"}, new String[] {"the quantile", "its value"},
          new OpenType<?>[] {SimpleType.DOUBLE, SimpleType.DOUBLE});
      return new TabularType(name, "value by quantile", rowType, new String[] {"quantile"});
    } catch (OpenDataException e) {
      throw new IllegalStateException("cannot build the open type " + name, e);
    }
  }

  /** The quantiles of {@code summary} as {@link #quantilesType} rows; a repeated one is skipped. */
  static TabularData quantiles(TabularType type, Series.Summary summary) {
    TabularDataSupport table =
        new TabularDataSupport(type, summary.quantiles().length * 2 + 1, 0.75f);
    for (int i = 0; i < summary.quantiles().length; i++) {
      Object[] row = {summary.quantiles()[i], summary.values()[i]};
      try {
        table.put(new CompositeDataSupport(
            type.getRowType(), new String[] {"quantile", "value"}, row));
      } catch (KeyAlreadyExistsException e) {
        // A repeated quantile cannot be shown twice; keep the first.
      } catch (OpenDataException e) {
        throw new IllegalStateException("row does not match " + type.getTypeName(), e);
      }
    }
    return table;
  }

  /**
   * A bound as client_java's text format prints it ({@code +Inf}, {@code 1.0E-6}): the default
   * spelling of {@code le}.
   */
  static String javaText(double d) {
    if (d == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (d == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    return Double.isNaN(d) ? "NaN" : Double.toString(d);
  }
}
