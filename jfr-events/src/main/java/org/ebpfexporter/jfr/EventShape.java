package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.AnnotationElement;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.ValueDescriptor;

/**
 * The numeric fields of an event type, after its label fields. Every field is a plain number so
 * that {@code jfr print}, {@code jfr view} and JMC's charts can use it directly.
 */
enum EventShape {
    /**
     * Counters: one event per series with the value and its increase since the series' previous
     * event, so that a recording charts rates without post-processing.
     */
    COUNTER("",
            Field.of(double.class, "value", "Value", "The counter's value"),
            Field.of(double.class, "delta", "Delta", "Increase since the previous event of this series "
                    + "(0 for its first event; the value itself after a counter reset)")),
    /** Gauges and untyped metrics: one event per series. */
    VALUE("", Field.of(double.class, "value", "Value", "The sample value")),
    /** Histograms and summaries: one event per series with its count and sum. */
    SERIES("",
            Field.of(long.class, "count", "Count", "Number of observations"),
            Field.of(double.class, "sum", "Sum", "Sum of observations (NaN if unknown)")),
    /** Classic histogram buckets: one event per series and bucket. */
    BUCKET(".bucket",
            Field.of(double.class, "le", "Upper Bound", "Inclusive upper bound of the bucket"),
            Field.of(long.class, "count", "Count", "Cumulative number of observations less than or equal to le")),
    /** Summary quantiles: one event per series and quantile. */
    QUANTILE(".quantile",
            Field.of(double.class, "quantile", "Quantile", "The quantile, between 0 and 1"),
            Field.of(double.class, "value", "Value", "The value at the quantile"));

    private final String suffix;
    private final List<Field> fields;

    EventShape(String suffix, Field... fields) {
        this.suffix = suffix;
        this.fields = List.of(fields);
    }

    /** What is appended to the family's event type name. */
    String suffix() {
        return suffix;
    }

    /** Fresh descriptors of the numeric fields, in order. */
    List<ValueDescriptor> valueDescriptors() {
        return fields.stream().map(Field::descriptor).toList();
    }

    /** The names of the numeric fields, which labels must not take. */
    Set<String> fieldNames() {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The event types published for a family; empty for kinds without a numeric sample per series
     * (info and state-set metrics).
     */
    static List<EventShape> of(MetricSnapshot snapshot) {
        return switch (snapshot) {
            case CounterSnapshot _ -> List.of(COUNTER);
            case GaugeSnapshot _, UnknownSnapshot _ -> List.of(VALUE);
            case HistogramSnapshot _ -> List.of(SERIES, BUCKET);
            case SummarySnapshot _ -> List.of(SERIES, QUANTILE);
            default -> List.of();
        };
    }

    private record Field(Class<?> type, String name, String label, String description) {
        static Field of(Class<?> type, String name, String label, String description) {
            return new Field(type, name, label, description);
        }

        ValueDescriptor descriptor() {
            return new ValueDescriptor(type, name, List.of(
                    new AnnotationElement(Label.class, label),
                    new AnnotationElement(Description.class, description)));
        }
    }
}
