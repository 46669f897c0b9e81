package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;

/** The kind of a metric family, spelled as in the {@code Type} attribute. */
enum FamilyType {
  COUNTER("counter", "_total"),
  GAUGE("gauge", ""),
  HISTOGRAM("histogram", ""),
  SUMMARY("summary", ""),
  INFO("info", "_info"),
  STATE_SET("stateset", ""),
  UNKNOWN("unknown", "");

  private final String text;
  private final String expositionSuffix;

  FamilyType(String text, String expositionSuffix) {
    this.text = text;
    this.expositionSuffix = expositionSuffix;
  }

  /** The kind as Prometheus's {@code # TYPE} line spells it. */
  String text() {
    return text;
  }

  /**
   * The family name as the text exposition formats write it: client_java's snapshots drop
   * {@code _total} from counters and {@code _info} from info families, and its writers add them back.
   */
  String expositionName(String prometheusName) {
    return prometheusName + expositionSuffix;
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
