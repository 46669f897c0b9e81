package org.ebpfexporter.jmx;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 * plus value items, indexed by all label columns) and the small key/value tables nested in it
 * (histogram buckets, summary quantiles).
 *
 * <p>{@link TabularDataSupport} keeps insertion order, so rows appear in snapshot order and
 * buckets in ascending {@code le}, also after serialisation to a remote client.
 */
final class SeriesTables {
  /** One value column of the series table. */
  record Column(String name, String description, OpenType<?> type) {}

  /** A filled table and whether rows were left out because of the row cap. */
  record Filled(TabularData table, boolean truncated) {}

  private SeriesTables() {}

  /** The label columns over all rows, in first-seen order, mapped away from {@code columns}. */
  static LabelColumns labelColumns(List<Row> rows, List<Column> columns) {
    Set<String> names = new LinkedHashSet<>();
    for (Row row : rows) {
      names.addAll(row.labelNames());
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

  /** Fills the first {@code maxRows} rows; a duplicate index (malformed snapshot) is skipped. */
  static Filled fill(
      TabularType type, LabelColumns labels, List<Column> columns, List<Row> rows, int maxRows) {
    int shown = Math.min(rows.size(), maxRows);
    String[] items = new String[labels.size() + columns.size()];
    for (int i = 0; i < labels.size(); i++) {
      items[i] = labels.itemNames().get(i);
    }
    for (int i = 0; i < columns.size(); i++) {
      items[labels.size() + i] = columns.get(i).name();
    }
    TabularDataSupport table = new TabularDataSupport(type, shown * 2 + 1, 0.75f);
    for (int r = 0; r < shown; r++) {
      Row row = rows.get(r);
      Object[] values = new Object[items.length];
      for (int i = 0; i < labels.size(); i++) {
        values[i] = row.labelValue(labels.labelNames().get(i));
      }
      for (int i = 0; i < columns.size(); i++) {
        values[labels.size() + i] = row.items().get(i);
      }
      try {
        table.put(new CompositeDataSupport(type.getRowType(), items, values));
      } catch (KeyAlreadyExistsException e) {
        // Two data points with one label set (a malformed snapshot): keep the first.
      } catch (OpenDataException e) {
        throw new IllegalStateException("row does not match " + type.getTypeName(), e);
      }
    }
    return new Filled(table, rows.size() > maxRows);
  }

  /**
   * A two-column table {@code key -> value} indexed by {@code key}, for histogram buckets
   * ({@code le -> count}) and summary quantiles ({@code quantile -> value}).
   */
  static TabularType keyValueType(
      String typeName, String description, String key, String value, OpenType<?> valueType) {
    try {
      CompositeType rowType =
          new CompositeType(
              typeName + "Row",
              description,
              new String[] {key, value},
              new String[] {key, value},
              new OpenType<?>[] {SimpleType.STRING, valueType});
      return new TabularType(typeName, description, rowType, new String[] {key});
    } catch (OpenDataException e) {
      throw new IllegalStateException("cannot build the open type " + typeName, e);
    }
  }

  /** Fills a key/value table; keys are unique by construction (distinct bounds or quantiles). */
  static TabularData keyValues(TabularType type, List<String> keys, List<?> values) {
    CompositeType rowType = type.getRowType();
    String keyItem = type.getIndexNames().getFirst();
    String valueItem =
        rowType.keySet().stream().filter(k -> !k.equals(keyItem)).findFirst().orElseThrow();
    String[] items = {keyItem, valueItem};
    TabularDataSupport table = new TabularDataSupport(type, keys.size() * 2 + 1, 0.75f);
    for (int i = 0; i < keys.size(); i++) {
      try {
        Object[] row = {keys.get(i), values.get(i)};
        table.put(new CompositeDataSupport(rowType, items, row));
      } catch (KeyAlreadyExistsException e) {
        // A repeated bound cannot be shown twice; keep the first.
      } catch (OpenDataException e) {
        throw new IllegalStateException("row does not match " + type.getTypeName(), e);
      }
    }
    return table;
  }

  /** A bound or quantile as client_java's text format prints it ({@code +Inf}, {@code 0.5}). */
  static String formatDouble(double d) {
    if (d == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (d == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    return Double.isNaN(d) ? "NaN" : Double.toString(d);
  }
}
