package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularType;

/**
 * The attributes of one family as of one snapshot: their open types (for the MBeanInfo) and their
 * values, computed together so that the MBeanInfo always describes the values served with it.
 *
 * <p>A family whose data points carry no labels gets scalar attributes ({@code Value}, or
 * {@code Count}, {@code Sum} and {@code Buckets}/{@code Quantiles}) because a table needs at least
 * one index column. A family with no data points has only the summary attributes.
 *
 * @param description MBean description (the family's help)
 * @param attributes attribute infos in display order
 * @param values attribute values by name
 */
record FamilyView(
    String description,
    List<OpenMBeanAttributeInfoSupport> attributes,
    Map<String, Object> values) {

  /**
   * Builds the view of {@code family} as of {@code snapshot}.
   *
   * @param snapshot the family now, or null when it is absent from the current collection
   * @param help the help seen at registration, used when the snapshot has none
   */
  static FamilyView of(
      String family, FamilyType type, MetricSnapshot snapshot, String help, int maxRows) {
    String current = snapshot == null ? null : snapshot.getMetadata().getHelp();
    String description =
        current != null && !current.isBlank() ? current
            : help != null && !help.isBlank() ? help
            : family;
    Builder b = new Builder();
    if (type.isDistribution()) {
      distribution(b, family, type, snapshot, maxRows);
    } else {
      value(b, family, snapshot, maxRows);
    }
    return new FamilyView(description, List.copyOf(b.infos), Map.copyOf(b.values));
  }

  private static void value(Builder b, String family, MetricSnapshot snapshot, int maxRows) {
    List<Row> rows = snapshot == null ? List.of() : SeriesRows.values(snapshot);
    List<SeriesTables.Column> columns =
        List.of(new SeriesTables.Column("value", "sample value", SimpleType.DOUBLE));
    LabelColumns labels = SeriesTables.labelColumns(rows, columns);
    boolean truncated = false;
    if (labels.isEmpty()) {
      if (!rows.isEmpty()) {
        b.add("Value", "current value", SimpleType.DOUBLE, rows.getFirst().items().getFirst());
      }
    } else {
      TabularType tableType = SeriesTables.seriesType(family, labels, columns);
      SeriesTables.Filled filled = SeriesTables.fill(tableType, labels, columns, rows, maxRows);
      truncated = filled.truncated();
      b.add("Series", "one row per label set: the labels and the value", tableType, filled.table());
    }
    double total = 0;
    for (Row row : rows) {
      total += (Double) row.items().getFirst();
    }
    b.add("Total", "sum of the values of all series", SimpleType.DOUBLE, total);
    summary(b, rows.size(), truncated);
  }

  private static void distribution(
      Builder b, String family, FamilyType type, MetricSnapshot snapshot, int maxRows) {
    boolean histogram = type == FamilyType.HISTOGRAM;
    String nestedName = histogram ? "buckets" : "quantiles";
    TabularType nested =
        histogram
            ? SeriesTables.keyValueType(
                family + ".Buckets", "cumulative count by upper bound", "le", "count",
                SimpleType.LONG)
            : SeriesTables.keyValueType(
                family + ".Quantiles", "value by quantile", "quantile", "value", SimpleType.DOUBLE);
    List<Row> rows = snapshot == null ? List.of() : SeriesRows.distributions(snapshot, nested);
    List<SeriesTables.Column> columns =
        List.of(
            new SeriesTables.Column("count", "number of observations", SimpleType.LONG),
            new SeriesTables.Column("sum", "sum of observations", SimpleType.DOUBLE),
            new SeriesTables.Column(nestedName, nested.getDescription(), nested));
    LabelColumns labels = SeriesTables.labelColumns(rows, columns);
    boolean truncated = false;
    if (labels.isEmpty()) {
      if (!rows.isEmpty()) {
        List<Object> items = rows.getFirst().items();
        b.add("Count", "number of observations", SimpleType.LONG, items.get(0));
        b.add("Sum", "sum of observations", SimpleType.DOUBLE, items.get(1));
        b.add(histogram ? "Buckets" : "Quantiles", nested.getDescription(), nested, items.get(2));
      }
    } else {
      TabularType tableType = SeriesTables.seriesType(family, labels, columns);
      SeriesTables.Filled filled = SeriesTables.fill(tableType, labels, columns, rows, maxRows);
      truncated = filled.truncated();
      b.add("Series", "one row per label set: the labels, count, sum and " + nestedName,
          tableType, filled.table());
    }
    summary(b, rows.size(), truncated);
  }

  private static void summary(Builder b, int rows, boolean truncated) {
    b.add("SeriesCount", "number of series, including any left out of Series",
        SimpleType.INTEGER, rows);
    b.add("Truncated", "true when Series omits rows beyond the row cap",
        SimpleType.BOOLEAN, truncated);
  }

  /** Collects attributes in display order. */
  private static final class Builder {
    final List<OpenMBeanAttributeInfoSupport> infos = new ArrayList<>();
    final Map<String, Object> values = new LinkedHashMap<>();

    void add(String name, String description, OpenType<?> type, Object value) {
      infos.add(new OpenMBeanAttributeInfoSupport(name, description, type, true, false, false));
      values.put(name, value);
    }
  }
}
