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
  COUNTER("Counter", "_total"),
  GAUGE("Gauge", ""),
  HISTOGRAM("Histogram", ""),
  SUMMARY("Summary", ""),
  INFO("Info", "_info"),
  STATE_SET("StateSet", ""),
  UNKNOWN("Unknown", "");

  private final String objectNameValue;
  private final String expositionSuffix;

  FamilyType(String objectNameValue, String expositionSuffix) {
    this.objectNameValue = objectNameValue;
    this.expositionSuffix = expositionSuffix;
  }

  /** The value of the {@code type} key property. */
  String objectNameValue() {
    return objectNameValue;
  }

  /**
   * The family name as the text exposition formats write it: client_java's snapshots drop
   * {@code _total} from counters and {@code _info} from info families, and its writers add them back.
   */
  String expositionName(String prometheusName) {
    return prometheusName + expositionSuffix;
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
