package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DistributionDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.AnnotationElement;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.EventFactory;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.ValueDescriptor;

/**
 * One JFR event type created at run time for one metric family (or for its buckets or quantiles),
 * and the periodic hook that emits it.
 */
final class FamilyEventType implements AutoCloseable {
    /** The top-level category of every event type. */
    static final String CATEGORY = "eBPF Exporter";
    /** The default period; users override it per event type with standard JFR settings. */
    static final String DEFAULT_PERIOD = "1 s";

    private final String family;
    private final EventShape shape;
    private final EventFactory factory;
    private final Map<String, Integer> fieldOfLabel;
    private final int firstValueField;
    private final Unit unit;
    private final boolean integral;
    private final Deltas deltas = new Deltas();
    private Runnable hook;

    private FamilyEventType(String family, EventShape shape, EventFactory factory, Map<String, Integer> fieldOfLabel,
                            Unit unit, boolean integral) {
        this.family = family;
        this.shape = shape;
        this.factory = factory;
        this.fieldOfLabel = fieldOfLabel;
        this.firstValueField = fieldOfLabel.size();
        this.unit = unit;
        this.integral = integral;
    }

    /**
     * What an event type shows besides its fields.
     *
     * @param typeName the event type name
     * @param family   the family name as exposed
     * @param metric   the family name without the exporter's prefix, for the label
     * @param help     the family's help, or null
     * @param config   the config as its file is named, for the category
     * @param integral whether the family's values are whole numbers
     */
    record Spec(String typeName, String family, String metric, String help, String config, boolean integral) {}

    /**
     * Creates and registers the event type.
     *
     * @throws IllegalStateException if JFR did not keep the intended name
     */
    static FamilyEventType create(Spec spec, EventShape shape, List<String> labelNames) {
        String typeName = spec.typeName();
        List<AnnotationElement> annotations = new ArrayList<>();
        annotations.add(new AnnotationElement(Name.class, typeName));
        String label = Readable.label(spec.metric());
        annotations.add(new AnnotationElement(Label.class, switch (shape) {
            case BUCKET -> label + " Buckets";
            case QUANTILE -> label + " Quantiles";
            default -> label;
        }));
        String help = spec.help() == null || spec.help().isBlank() ? "" : spec.help() + " ";
        annotations.add(new AnnotationElement(Description.class,
                help + "(" + spec.family() + ", config " + spec.config() + ")"));
        annotations.add(new AnnotationElement(Category.class, new String[] {CATEGORY, spec.config()}));
        annotations.add(new AnnotationElement(Period.class, DEFAULT_PERIOD));
        annotations.add(new AnnotationElement(StackTrace.class, false));

        Unit unit = Unit.of(spec.family());
        List<String> fieldNames = FieldNames.forLabels(labelNames, shape.fieldNames());
        List<ValueDescriptor> fields = new ArrayList<>();
        Map<String, Integer> fieldOfLabel = new HashMap<>();
        for (int i = 0; i < labelNames.size(); i++) {
            fields.add(new ValueDescriptor(String.class, fieldNames.get(i), List.of(
                    new AnnotationElement(Label.class, Readable.label(labelNames.get(i))),
                    new AnnotationElement(Description.class, "Label " + labelNames.get(i)))));
            fieldOfLabel.put(labelNames.get(i), i);
        }
        fields.addAll(shape.valueDescriptors(unit, spec.integral()));

        EventFactory factory = EventFactory.create(annotations, fields);
        String actual = factory.getEventType().getName();
        if (!actual.equals(typeName)) {
            factory.unregister();
            throw new IllegalStateException("JFR did not accept the event type name " + typeName
                    + " for metric family " + spec.family() + " (it registered " + actual + ")");
        }
        return new FamilyEventType(spec.family(), shape, factory, Map.copyOf(fieldOfLabel), unit, spec.integral());
    }

    /** The family name, as exposed to Prometheus. */
    String family() {
        return family;
    }

    /** The JFR event type name. */
    String typeName() {
        return factory.getEventType().getName();
    }

    /** Registers {@code periodicHook} to run once per period of this type while it is enabled. */
    void startPeriodic(Runnable periodicHook) {
        this.hook = periodicHook;
        FlightRecorder.addPeriodicEvent(factory.newEvent().getClass(), periodicHook);
    }

    /** Whether any running recording has this type enabled. */
    boolean isEnabled() {
        return factory.getEventType().isEnabled();
    }

    /**
     * Commits up to {@code cap} events for the family's data points.
     *
     * @return the number of events not committed because of the cap
     */
    long emit(MetricSnapshot snapshot, int cap) {
        Budget budget = new Budget(cap);
        for (DataPointSnapshot point : snapshot.getDataPoints()) {
            switch (shape) {
                case COUNTER -> emitCounter(point, budget);
                case VALUE -> emitValue(point, budget);
                case SERIES -> emitSeries(point, budget);
                case BUCKET -> emitBuckets(point, budget);
                case QUANTILE -> emitQuantiles(point, budget);
            }
        }
        deltas.endPeriod();
        return budget.dropped;
    }

    private void emitCounter(DataPointSnapshot point, Budget budget) {
        if (point instanceof CounterDataPointSnapshot c) {
            commit(c.getLabels(), budget, c.getValue(), deltas.delta(c.getLabels(), 0, c.getValue()));
        }
    }

    private void emitValue(DataPointSnapshot point, Budget budget) {
        double value = switch (point) {
            case CounterDataPointSnapshot c -> c.getValue();
            case GaugeDataPointSnapshot g -> g.getValue();
            case UnknownDataPointSnapshot u -> u.getValue();
            default -> Double.NaN;
        };
        commit(point.getLabels(), budget, value);
    }

    private void emitSeries(DataPointSnapshot point, Budget budget) {
        if (point instanceof DistributionDataPointSnapshot d) {
            double count = d.hasCount() ? d.getCount() : 0;
            double sum = d.hasSum() ? d.getSum() : Double.NaN;
            Labels labels = d.getLabels();
            commit(labels, budget, count, deltas.delta(labels, 0, count), sum, deltas.delta(labels, 1, sum));
        }
    }

    private void emitBuckets(DataPointSnapshot point, Budget budget) {
        if (point instanceof HistogramDataPointSnapshot h && h.hasClassicHistogramData()) {
            ClassicHistogramBuckets buckets = h.getClassicBuckets();
            long cumulative = 0;
            for (int i = 0; i < buckets.size(); i++) {
                cumulative += buckets.getCount(i);
                commit(h.getLabels(), budget, buckets.getUpperBound(i), cumulative,
                        deltas.delta(h.getLabels(), i, cumulative));
            }
        }
    }

    private void emitQuantiles(DataPointSnapshot point, Budget budget) {
        if (point instanceof SummaryDataPointSnapshot s) {
            for (Quantile q : s.getQuantiles()) {
                commit(s.getLabels(), budget, q.getQuantile(), q.getValue());
            }
        }
    }

    private void commit(Labels labels, Budget budget, double... values) {
        if (!budget.take()) {
            return;
        }
        Event event = factory.newEvent();
        for (int i = 0; i < labels.size(); i++) {
            // A label the type was not created with has no field: it is left out.
            Integer field = fieldOfLabel.get(labels.getName(i));
            if (field != null) {
                event.set(field, labels.getValue(i));
            }
        }
        for (int i = 0; i < values.length; i++) {
            event.set(firstValueField + i, shape.convert(i, values[i], unit, integral));
        }
        event.commit();
    }

    /** Removes the periodic hook and unregisters the type; it can no longer be recorded. */
    @Override
    public void close() {
        if (hook != null) {
            FlightRecorder.removePeriodicEvent(hook);
        }
        factory.unregister();
    }

    /** Counts events against the per-period cap. */
    private static final class Budget {
        private int remaining;
        private long dropped;

        Budget(int cap) {
            this.remaining = cap;
        }

        boolean take() {
            if (remaining > 0) {
                remaining--;
                return true;
            }
            dropped++;
            return false;
        }
    }
}
