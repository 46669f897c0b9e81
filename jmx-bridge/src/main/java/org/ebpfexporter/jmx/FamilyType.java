package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;

/** The kind of a metric family, spelled as it appears in the {@code type} key of an ObjectName. */
enum FamilyType {
  COUNTER("Counter"),
  GAUGE("Gauge"),
  HISTOGRAM("Histogram"),
  SUMMARY("Summary"),
  INFO("Info"),
  STATE_SET("StateSet"),
  UNKNOWN("Unknown");

  private final String objectNameValue;

  FamilyType(String objectNameValue) {
    this.objectNameValue = objectNameValue;
  }

  /** The value of the {@code type} key property. */
  String objectNameValue() {
    return objectNameValue;
  }

  /** Histograms and summaries carry count, sum and a nested table instead of one value. */
  boolean isDistribution() {
    return this == HISTOGRAM || this == SUMMARY;
  }

  static FamilyType of(MetricSnapshot snapshot) {
    return switch (snapshot) {
      case CounterSnapshot _ -> COUNTER;
      case GaugeSnapshot _ -> GAUGE;
      case HistogramSnapshot _ -> HISTOGRAM;
      case SummarySnapshot _ -> SUMMARY;
      case InfoSnapshot _ -> INFO;
      case StateSetSnapshot _ -> STATE_SET;
      default -> UNKNOWN;
    };
  }
}
