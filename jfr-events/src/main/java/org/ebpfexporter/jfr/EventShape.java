package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.AnnotationElement;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.ValueDescriptor;

/**
 * The numeric fields of an event type, after its label fields. Every field is a plain number so
 * that {@code jfr print}, {@code jfr view} and JMC's charts can use it directly; measured values
 * carry their {@link Unit}, counts are {@code long}s, and every cumulative number has a
 * per-period increase beside it, so a recording charts rates without post-processing.
 */
enum EventShape {
    /** Counters: one event per series. */
    COUNTER("",
            Field.measure("value", "Value", "The counter's value since the start"),
            Field.measure("delta", "Increase", "Increase since the previous event of this series "
                    + "(0 for its first event; the value itself after a counter reset)")),
    /** Gauges and untyped metrics: one event per series. */
    VALUE("", Field.measure("value", "Value", "The sample value")),
    /** Histograms and summaries: one event per series. */
    SERIES("",
            Field.count("count", "Observations", "Number of observations since the start"),
            Field.count("countDelta", "Observations in Period",
                    "Observations since the previous event of this series (0 for its first event)"),
            Field.measure("sum", "Sum", "Sum of observations since the start (NaN or N/A if unknown)"),
            Field.measure("sumDelta", "Sum in Period",
                    "Increase of the sum since the previous event of this series (0 for its first event)")),
    /** Classic histogram buckets: one event per series and bucket. */
    BUCKET(".bucket",
            Field.measure("le", "Upper Bound", "Inclusive upper bound of the bucket (infinite for the last)"),
            Field.count("count", "Observations up to Bound",
                    "Cumulative number of observations less than or equal to le since the start"),
            Field.count("countDelta", "Observations up to Bound in Period",
                    "Increase of count since the previous event of this series and bucket (0 for its first event)")),
    /** Summary quantiles: one event per series and quantile. */
    QUANTILE(".quantile",
            Field.plain("quantile", "Quantile", "The quantile, between 0 and 1"),
            Field.measure("value", "Value", "The value at the quantile"));

    /** What a field holds, which decides its type and annotations. */
    private enum Kind {
        /** A value in the family's unit. */
        MEASURE,
        /** A number of observations: always a {@code long}. */
        COUNT,
        /** A dimensionless {@code double}. */
        PLAIN
    }

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

    /**
     * Fresh descriptors of the numeric fields, in order.
     *
     * @param unit     the family's unit
     * @param integral whether the family's values are whole numbers
     */
    List<ValueDescriptor> valueDescriptors(Unit unit, boolean integral) {
        return fields.stream().map(f -> f.descriptor(unit, integral(integral))).toList();
    }

    /** Field {@code i}'s value as its descriptor types it. */
    Object convert(int i, double value, Unit unit, boolean integral) {
        return switch (fields.get(i).kind()) {
            case MEASURE -> unit.convert(value, integral(integral));
            case COUNT -> Math.round(value);
            case PLAIN -> value;
        };
    }

    /** The names of the numeric fields, which labels must not take. */
    Set<String> fieldNames() {
        return fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Sums, bounds and quantile values are fractions whatever the family's samples are. */
    private boolean integral(boolean familyIntegral) {
        return familyIntegral && (this == COUNTER || this == VALUE);
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

    private record Field(Kind kind, String name, String label, String description) {
        static Field measure(String name, String label, String description) {
            return new Field(Kind.MEASURE, name, label, description);
        }

        static Field count(String name, String label, String description) {
            return new Field(Kind.COUNT, name, label, description);
        }

        static Field plain(String name, String label, String description) {
            return new Field(Kind.PLAIN, name, label, description);
        }

        ValueDescriptor descriptor(Unit unit, boolean integral) {
            List<AnnotationElement> annotations = new ArrayList<>(List.of(
                    new AnnotationElement(Label.class, label),
                    new AnnotationElement(Description.class, description)));
            Class<?> type = switch (kind) {
                case MEASURE -> {
                    annotations.addAll(unit.annotations());
                    yield unit.fieldType(integral);
                }
                case COUNT -> long.class;
                case PLAIN -> double.class;
            };
            return new ValueDescriptor(type, name, annotations);
        }
    }
}
