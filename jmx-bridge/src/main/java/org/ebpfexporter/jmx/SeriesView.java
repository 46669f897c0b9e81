package org.ebpfexporter.jmx;

import javax.management.openmbean.SimpleType;

/**
 * The attributes of one series' MBean as of one collection: the numbers of {@link Measures}
 * ({@code Value} and {@code RatePerSecond} of a counter; {@code Count}, {@code Sum},
 * {@code Mean}, {@code P50}, {@code P90}, {@code P99}, {@code RatePerSecond} and {@code Buckets}
 * of a histogram; ...), each a scalar that a console charts. A series missing from the
 * collection shows only {@code Present}, false, until its MBean is unregistered.
 */
final class SeriesView {
  private SeriesView() {}

  static View of(FamilySpec spec, Measures measures, Series.LabelSet labels, Periods.Latest latest) {
    View.Builder b = new View.Builder();
    Series series = latest == null ? null : latest.byLabels().get(labels);
    if (series != null) {
      FamilyView.add(b, measures.columns(), measures.of(series, latest.period()));
    }
    b.add("Present", "false when the series is missing from the latest collection",
        SimpleType.BOOLEAN, series != null);
    StringBuilder text = new StringBuilder(spec.description()).append(" {");
    for (int i = 0; i < labels.names().size(); i++) {
      text.append(i == 0 ? "" : ",").append(labels.names().get(i)).append("=\"")
          .append(labels.values().get(i)).append('"');
    }
    return b.build(text.append('}').toString());
  }
}
