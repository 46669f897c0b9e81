package org.ebpfexporter.jfr;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Publishes client_java metric snapshots as periodic JFR events: one event type per metric
 * family, created at run time, emitted once per period while a recording has it enabled.
 *
 * <h2>Event types</h2>
 * A family named {@code ebpf_exporter_<metric>} in config {@code <config>} becomes the event type
 * {@code ebpf_exporter.<config>.<metric>}, mapped to a name JFR accepts as described in
 * {@link EventNames} (config {@code jvm-threads} gives {@code jvm_threads}). Family names are the
 * names Prometheus shows: a counter keeps its {@code _total} suffix. Each type has a readable
 * {@code @Label} ({@code bio_latency_seconds} reads {@code BIO Latency}), the help and the family
 * and config as written as {@code @Description}, {@code @Category({"eBPF Exporter", config})}
 * with the config as written, {@code @StackTrace(false)} and a default period of one second,
 * changed the standard way: in a {@code .jfc} file, {@code jcmd <pid> JFR.start settings=...},
 * or {@code jcmd <pid> JFR.start ebpf_exporter.<config>.<metric>#period=5s}.
 *
 * <h2>Fields</h2>
 * One {@code String} field per label, named after the label; a label whose name is a Java
 * keyword, a field JFR adds to every event ({@code startTime}, {@code duration},
 * {@code eventThread}, {@code stackTrace}) or a value field of the type gets the suffix
 * {@code _label} ({@code class} becomes {@code class_label}); see {@link FieldNames} for the
 * full mapping. The field's {@code @Label} is the label name made readable. Then, by kind:
 * <ul>
 *   <li>counters: {@code value} and {@code delta}, its increase since the series' previous
 *       event; gauges and untyped metrics: {@code value}; one event per series;</li>
 *   <li>histograms and summaries: {@code count}, {@code countDelta}, {@code sum} and
 *       {@code sumDelta}, one event per series;</li>
 *   <li>classic histogram buckets: a second type {@code <name>.bucket} with {@code le} (the
 *       bound), {@code count} (cumulative as in Prometheus) and {@code countDelta}, one event per
 *       series and bucket;</li>
 *   <li>summary quantiles: a second type {@code <name>.quantile} with {@code quantile} and
 *       {@code value}, one event per series and quantile.</li>
 * </ul>
 * Counts are {@code long}s. Values, sums and bounds carry the unit the family's name gives
 * ({@link Unit}): {@code _seconds} a {@code long} of nanoseconds with
 * {@code @Timespan(NANOSECONDS)}, {@code _bytes} {@code @DataAmount(BYTES)}; a counter's or gauge's
 * value is a {@code long} when the caller calls the family integral, a {@code double} otherwise.
 * A delta is 0 in a series' first event and the value itself after a reset.
 *
 * Buckets are separate events rather than a string of {@code le=count} pairs because JMC and
 * {@code jfr view} chart and aggregate numeric fields only: with one event per bucket, the count
 * of one bucket over time is a chart filtered on {@code le}, and a recording can enable the
 * cheap per-series type without the many bucket events. Info and state-set metrics carry no
 * numeric sample and are not published.
 *
 * <h2>Emission</h2>
 * Each event type has its own periodic hook ({@link jdk.jfr.FlightRecorder#addPeriodicEvent});
 * JFR runs hooks only while a recording has the type enabled, so nothing is collected when no
 * recording runs. The hooks of one period share one collection, cached for 100 ms. Each type
 * emits at most {@code maxEventsPerPeriod} events per period; when it has more, it also commits
 * one {@code ebpf_exporter.exporter.events_dropped} event with the family, the event type and the
 * number of events left out.
 *
 * <h2>Failures</h2>
 * A collection, an emission or a background type creation that fails has no caller to throw to:
 * it is handed to the failure handler, as (what failed, the exception), and that period publishes
 * nothing for the families concerned. The default handler logs every failure as a WARNING; the
 * exporter's counts them and limits its log.
 *
 * <h2>Families that appear later</h2>
 * A type is created the first time a family is seen with at least one data point (only then are
 * its label names known), once per family name. {@link #refresh()} creates the missing types;
 * while a recording runs, a collection that shows a new family also creates its type in the
 * background, so it is recorded from the next period on.
 */
public final class JfrBridge implements AutoCloseable {
    /** The config name of the exporter's own metrics. */
    public static final String BUILT_IN_CONFIG = "exporter";
    /** The prefix stripped from family names by default. */
    public static final String DEFAULT_PREFIX = "ebpf_exporter_";
    /** The default cap on events per event type and period. */
    public static final int DEFAULT_MAX_EVENTS_PER_PERIOD = 1_000;

    private static final System.Logger logger = System.getLogger(JfrBridge.class.getName());
    private static final long CACHE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Supplier<MetricSnapshots> snapshots;
    private final Function<String, String> configOf;
    private final String prefix;
    private final Predicate<String> integral;
    private final int maxEventsPerPeriod;
    private final SnapshotCache cache;
    private final Function<MetricSnapshot, String> familyName;
    private final BiConsumer<String, RuntimeException> failures;
    /** Created types by family; guarded by this. */
    private final Map<String, List<FamilyEventType>> types = new HashMap<>();
    /** Which family owns each event type name; guarded by this. */
    private final Map<String, String> familyOfType = new HashMap<>();
    /** Families whose types could not be created in the background; reported once, not retried. */
    private final Set<String> failedInBackground = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean backgroundRefresh = new AtomicBoolean();
    private volatile Set<String> known = Set.of();
    private volatile boolean closed;

    /**
     * Creates a bridge with the default prefix and cap.
     *
     * @see #JfrBridge(Supplier, Function, String, int)
     */
    public JfrBridge(Supplier<MetricSnapshots> snapshots, Function<String, String> configOf) {
        this(snapshots, configOf, DEFAULT_PREFIX, DEFAULT_MAX_EVENTS_PER_PERIOD);
    }

    /**
     * Creates a bridge and the event types of the families that {@code snapshots} returns now.
     *
     * @param snapshots          the collection to publish, called at most once per 100 ms
     * @param configOf           the config of a family, given its Prometheus name (the
     *                           exporter's built-in families map to {@value #BUILT_IN_CONFIG})
     * @param prefix             stripped from family names in event type names; may be empty
     * @param maxEventsPerPeriod the most events one event type commits per period, at least 1
     * @throws IllegalStateException if a type cannot be created (see {@link #refresh()}); no
     *                               type stays registered then
     */
    public JfrBridge(Supplier<MetricSnapshots> snapshots, Function<String, String> configOf, String prefix,
                     int maxEventsPerPeriod) {
        this(snapshots, configOf, prefix, maxEventsPerPeriod, JfrBridge::expositionName, JfrBridge::logFailure,
                family -> false);
    }

    /**
     * Creates a bridge whose families are named by {@code familyName} rather than as client_java's
     * text writers name them (for a source that serves some families under other names, such as
     * counters without a {@code _total} suffix), and whose whole-number families are known.
     *
     * @param familyName the exposed name of a family, from which event type names are derived
     * @param failures   receives what fails on JFR's threads, as (what failed, such as
     *                   "collecting metrics", the exception); must not throw
     * @param integral   true for a family, by exposed name, whose values are whole numbers: its
     *                   counter and gauge fields are {@code long}s (a fraction would be rounded)
     * @see #JfrBridge(Supplier, Function, String, int)
     */
    public JfrBridge(Supplier<MetricSnapshots> snapshots, Function<String, String> configOf, String prefix,
                     int maxEventsPerPeriod, Function<MetricSnapshot, String> familyName,
                     BiConsumer<String, RuntimeException> failures, Predicate<String> integral) {
        this.integral = Objects.requireNonNull(integral, "integral");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.familyName = Objects.requireNonNull(familyName, "familyName");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.configOf = Objects.requireNonNull(configOf, "configOf");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (maxEventsPerPeriod < 1) {
            throw new IllegalArgumentException("maxEventsPerPeriod must be at least 1, got " + maxEventsPerPeriod);
        }
        this.maxEventsPerPeriod = maxEventsPerPeriod;
        this.cache = new SnapshotCache(this::collectAndWatch, familyName, failures, CACHE_NANOS, System::nanoTime);
        try {
            refresh();
        } catch (RuntimeException e) {
            // The caller gets no instance to close: unregister what was created.
            close();
            throw e;
        }
    }

    /** The default failure handler: a WARNING with the stack trace. */
    private static void logFailure(String operation, RuntimeException failure) {
        logger.log(System.Logger.Level.WARNING, "JFR: " + operation + " failed", failure);
    }

    /**
     * The name client_java's text writers give a family (counters with {@code _total}, info
     * metrics with {@code _info}): the default family name of the bridge.
     */
    public static String expositionName(MetricSnapshot snapshot) {
        return SnapshotCache.expositionName(snapshot);
    }

    /**
     * Creates the event types of families that have appeared since the last call. Types are
     * created once per family name; families that fail are retried on the next call.
     *
     * @return the names of the event types created by this call, sorted
     * @throws IllegalStateException if the bridge is closed, or if some type could not be
     *                               created (two families map to one event type name, or JFR
     *                               rejected a name); all other types are created first
     */
    public synchronized List<String> refresh() {
        if (closed) {
            throw new IllegalStateException("JfrBridge is closed");
        }
        List<RuntimeException> failures = new ArrayList<>();
        List<String> created = createMissing(cache.byFamily(snapshots.get()), failures);
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException(failures.size() + " metric families not published to JFR: "
                    + failures.getFirst().getMessage() + (failures.size() > 1 ? " (and more, see suppressed)" : ""));
            failures.forEach(e::addSuppressed);
            throw e;
        }
        return created;
    }

    /** The names of all event types this bridge has created, sorted. */
    public synchronized List<String> eventTypeNames() {
        return List.copyOf(new TreeSet<>(familyOfType.keySet()));
    }

    /** Removes the periodic hooks and unregisters every event type; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        types.values().forEach(list -> list.forEach(FamilyEventType::close));
        types.clear();
        familyOfType.clear();
        known = Set.of();
    }

    private List<String> createMissing(Map<String, MetricSnapshot> families, List<RuntimeException> failures) {
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, MetricSnapshot> entry : new TreeMap<>(families).entrySet()) {
            String family = entry.getKey();
            MetricSnapshot snapshot = entry.getValue();
            if (types.containsKey(family) || snapshot.getDataPoints().isEmpty() || EventShape.of(snapshot).isEmpty()) {
                continue;
            }
            try {
                List<FamilyEventType> familyTypes = createTypes(family, snapshot);
                types.put(family, familyTypes);
                familyTypes.forEach(t -> created.add(t.typeName()));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        known = Set.copyOf(types.keySet());
        return created;
    }

    /** Creates all types of one family, or none. */
    private List<FamilyEventType> createTypes(String family, MetricSnapshot snapshot) {
        String config = configOf.apply(family);
        if (config == null) {
            throw new IllegalStateException("no config for metric family " + family);
        }
        String base = EventNames.typeName(config, family, prefix);
        List<String> labelNames = labelNames(snapshot);
        List<FamilyEventType> created = new ArrayList<>();
        try {
            for (EventShape shape : EventShape.of(snapshot)) {
                String typeName = base + shape.suffix();
                String owner = familyOfType.get(typeName);
                if (owner != null) {
                    throw new IllegalStateException("metric families " + owner + " and " + family
                            + " both map to the JFR event type " + typeName);
                }
                FamilyEventType type = FamilyEventType.create(new FamilyEventType.Spec(typeName, family,
                        EventNames.strip(family, prefix), snapshot.getMetadata().getHelp(), config,
                        integral.test(family)), shape, labelNames);
                created.add(type);
                type.startPeriodic(() -> emitPeriodically(type));
            }
        } catch (RuntimeException e) {
            created.forEach(FamilyEventType::close);
            throw e;
        }
        created.forEach(t -> familyOfType.put(t.typeName(), family));
        return List.copyOf(created);
    }

    /** The union of the data points' label names, in order of first appearance. */
    private static List<String> labelNames(MetricSnapshot snapshot) {
        Set<String> names = new LinkedHashSet<>();
        for (DataPointSnapshot point : snapshot.getDataPoints()) {
            Labels labels = point.getLabels();
            for (int i = 0; i < labels.size(); i++) {
                names.add(labels.getName(i));
            }
        }
        return List.copyOf(names);
    }

    /** Runs on JFR's periodic thread: must not throw and must not block on {@link #refresh()}. */
    private void emitPeriodically(FamilyEventType type) {
        if (closed || !type.isEnabled()) {
            return;
        }
        MetricSnapshot snapshot = cache.families().get(type.family());
        if (snapshot == null) {
            return;
        }
        long dropped;
        try {
            dropped = type.emit(snapshot, maxEventsPerPeriod);
        } catch (RuntimeException e) {
            failures.accept("emitting JFR events for " + type.family(), e);
            return;
        }
        if (dropped > 0) {
            EventsDroppedEvent event = new EventsDroppedEvent();
            if (event.isEnabled()) {
                event.family = type.family();
                event.eventType = type.typeName();
                event.dropped = dropped;
                event.commit();
            }
        }
    }

    /** The cache's source: a collection, and a background refresh if it shows new families. */
    private MetricSnapshots collectAndWatch() {
        MetricSnapshots collected = snapshots.get();
        if (closed) {
            return collected;
        }
        Set<String> knownNow = known;
        Map<String, MetricSnapshot> newFamilies = new HashMap<>();
        for (MetricSnapshot snapshot : collected) {
            String family = familyName.apply(snapshot);
            if (!knownNow.contains(family) && !failedInBackground.contains(family)
                    && !snapshot.getDataPoints().isEmpty() && !EventShape.of(snapshot).isEmpty()) {
                newFamilies.put(family, snapshot);
            }
        }
        if (!newFamilies.isEmpty() && backgroundRefresh.compareAndSet(false, true)) {
            // Creating types from JFR's periodic thread could deadlock with JFR's own locks.
            Thread.ofVirtual().name("jfr-bridge-refresh").start(() -> createInBackground(newFamilies));
        }
        return collected;
    }

    private void createInBackground(Map<String, MetricSnapshot> families) {
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
                List<RuntimeException> rejected = new ArrayList<>();
                createMissing(families, rejected);
                for (RuntimeException e : rejected) {
                    failures.accept("creating the JFR event type of a new metric family", e);
                }
                Set<String> missing = new HashSet<>(families.keySet());
                missing.removeAll(types.keySet());
                failedInBackground.addAll(missing);
            }
        } finally {
            backgroundRefresh.set(false);
        }
    }
}
