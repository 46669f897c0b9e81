package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes every metric family of a {@link MetricSnapshots} supplier as read-only MBeans made
 * for consoles such as JConsole and VisualVM: one per family, and one per series.
 *
 * <p>ObjectNames: {@code <domain>:config=<config>,name=<name>} for a family, where
 * {@code config} comes from the caller's function of the family name and {@code name} is the
 * family name without the configured prefix, as the text exposition writes it (a counter keeps
 * {@code _total}); {@code <domain>:config=<config>,name=<name>,<label>=<value>,...} for each of
 * its series (see {@link ObjectNames} for label names that need another key). Consoles build
 * their tree from the keys in that order: config, metric, then series.
 *
 * <p>Attributes, all with open types so that clients need none of this module's classes:
 *
 * <ul>
 *   <li>a series' MBean: scalars a console charts. Counters: {@code Value} and
 *       {@code RatePerSecond}, the increase per second over the last period. Histograms:
 *       {@code Count} and {@code Sum} since the start; over the last period {@code Mean},
 *       {@code P50}, {@code P90}, {@code P99} (estimates, as Prometheus's
 *       {@code histogram_quantile} computes them; with the suffix {@code Millis} and in
 *       milliseconds for families named {@code *_seconds}, since JConsole charts four decimals)
 *       and {@code RatePerSecond} (observations per second); {@code Buckets}, cumulative counts
 *       indexed by the bucket's ordinal so consoles list them in bound order. Others:
 *       {@code Value}. Also {@code Present};
 *   <li>a family's MBean: {@code Type}; its totals (histograms: the numbers above over all series
 *       added up bucket by bucket; counters: {@code Total}, {@code RatePerSecond}; other value
 *       families: {@code Total}); without labels, its one series' numbers; with labels,
 *       {@code Series}, a table of every series' numbers indexed by the labels, at most the
 *       row cap; {@code SeriesCount} and {@code Truncated}.
 * </ul>
 *
 * <p>The last period is the span between the two latest collections of the family that the
 * bridge has seen at least a second apart; rates and period numbers are NaN until there are two.
 * Values are {@code Long} for families the caller calls integral, {@code Double} otherwise.
 *
 * <p>Values are read when an attribute is read, from one collection cached for the configured
 * time, so a client reading all attributes of all MBeans causes one collection. Series MBeans
 * follow the series: {@link #refresh()} and, every series sync period, a background thread
 * register those of new series (at most the configured number per family, the first in the
 * snapshot's order) and unregister those of vanished ones.
 *
 * <p>A collection that fails while a client reads is handed to the failure handler, as
 * ({@value #COLLECTING}, the exception), besides what the client is told ({@code getAttribute}
 * throws, {@code getAttributes} leaves the attributes out, the MBeanInfo stays the last one); so
 * is a failed background sync, as ({@value #SYNCING}, the exception).
 *
 * <p>Thread-safe. {@link #close()} stops the sync and unregisters everything this bridge
 * registered.
 */
public final class JmxBridge implements AutoCloseable {
  /** Default ObjectName domain. */
  public static final String DEFAULT_DOMAIN = "org.ebpfexporter";
  /** Default prefix stripped from family names in the {@code name} key. */
  public static final String DEFAULT_PREFIX = "ebpf_exporter_";
  /** Default maximum number of rows of a {@code Series} table. */
  public static final int DEFAULT_MAX_ROWS = 10_000;
  /** Default maximum number of series MBeans of one family. */
  public static final int DEFAULT_MAX_SERIES_MBEANS = 100;
  /** Default time one collection is served to attribute reads. */
  public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(1);
  /** Default time between background syncs of the series MBeans. */
  public static final Duration DEFAULT_SERIES_SYNC = Duration.ofSeconds(10);
  /** What failed, as the failure handler is told when a collection fails. */
  public static final String COLLECTING = "collecting metrics";
  /** What failed, as the failure handler is told when a background sync fails. */
  public static final String SYNCING = "syncing series MBeans";

  /** Shorter periods than this are extended rather than started anew. */
  private static final long MIN_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final System.Logger logger = System.getLogger(JmxBridge.class.getName());

  private final JmxBridgeSettings settings;
  private final SnapshotCache cache;
  private final Periods periods;
  private final Registrations registrations;
  private final ScheduledExecutorService sync;
  private boolean closed;

  JmxBridge(MBeanServer server, Supplier<MetricSnapshots> snapshots,
      JmxBridgeSettings settings) {
    this.settings = settings;
    this.periods = new Periods(MIN_PERIOD_NANOS, settings.nanoClock());
    this.cache = new SnapshotCache(Objects.requireNonNull(snapshots, "snapshots"), settings.cacheTime());
    this.registrations = new Registrations(Objects.requireNonNull(server, "server"), settings.domain());
    if (settings.seriesSync().isZero()) {
      this.sync = null;
    } else {
      this.sync = Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().daemon().name("jmx-bridge-sync").unstarted(task));
      long period = settings.seriesSync().toNanos();
      sync.scheduleWithFixedDelay(this::syncInBackground, period, period, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * A builder with the defaults: domain {@value #DEFAULT_DOMAIN}, prefix {@value #DEFAULT_PREFIX},
   * {@value #DEFAULT_MAX_ROWS} rows, {@value #DEFAULT_MAX_SERIES_MBEANS} series MBeans per
   * family, 1 s cache, series sync every 10 s, {@code config} = family name, values as
   * {@code Double}, bounds spelled as client_java's text format does.
   *
   * @param server the MBean server to register in
   * @param snapshots the shared collection
   * @return a new builder
   */
  public static JmxBridgeSettings.Builder builder(
      MBeanServer server, Supplier<MetricSnapshots> snapshots) {
    return new JmxBridgeSettings.Builder(server, snapshots);
  }

  /**
   * Registers an MBean for each family now present and for its series, and unregisters those
   * of families and series that are gone. Uses one collection.
   *
   * @throws IllegalStateException if an ObjectName is already registered by someone else (for
   *     example a second bridge with the same domain); then none of this bridge's MBeans is left
   *     registered. Also if the bridge is closed. Whatever the supplier throws is passed on.
   */
  public synchronized void refresh() {
    if (closed) {
      throw new IllegalStateException("JmxBridge for domain " + settings.domain() + " is closed");
    }
    try {
      sync();
    } catch (IllegalStateException e) {
      registrations.removeAll();
      throw new IllegalStateException(e.getMessage() + "; unregistered all MBeans of this bridge", e);
    }
  }

  /**
   * The ObjectNames this bridge has registered.
   *
   * @return an unmodifiable copy: each family followed by its series
   */
  public synchronized Set<ObjectName> registeredNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(registrations.names()));
  }

  /** Stops the background sync and unregisters every MBean this bridge registered. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (sync != null) {
      sync.shutdownNow();
    }
    registrations.removeAll();
  }

  private void syncInBackground() {
    synchronized (this) {
      if (closed) {
        return;
      }
      try {
        sync();
      } catch (RuntimeException e) {
        settings.failures().accept(SYNCING, e);
      }
    }
  }

  private void sync() {
    SnapshotCache.Collected collected = cache.get();
    cache.pin(collected);
    try {
      Map<ObjectName, MetricSnapshot> wanted = wanted(collected.snapshots());
      List<ObjectName> gone = new ArrayList<>();
      for (Map.Entry<ObjectName, Registrations.Family> e : registrations.families().entrySet()) {
        MetricSnapshot now = wanted.get(e.getKey());
        if (now == null || !now.getMetadata().getPrometheusName()
            .equals(e.getValue().mbean().spec().family())
            || FamilyType.of(now) != e.getValue().mbean().spec().type()) {
          gone.add(e.getKey());
        }
      }
      for (ObjectName name : gone) {
        periods.forget(registrations.families().get(name).mbean().spec().family());
        registrations.removeFamily(name);
      }
      for (Map.Entry<ObjectName, MetricSnapshot> e : wanted.entrySet()) {
        if (!registrations.contains(e.getKey())) {
          registrations.addFamily(e.getKey(), family(e.getValue()));
        }
        Registrations.Family family = registrations.families().get(e.getKey());
        registrations.syncSeries(family, seriesMBeans(family, e.getValue()));
      }
    } finally {
      cache.unpin();
    }
  }

  private Map<ObjectName, MetricSnapshot> wanted(MetricSnapshots snapshots) {
    Map<ObjectName, MetricSnapshot> wanted = new LinkedHashMap<>();
    for (MetricSnapshot snapshot : snapshots) {
      String family = settings.familyName().apply(snapshot);
      ObjectName name = ObjectNames.family(settings.domain(), config(family), shortName(family));
      MetricSnapshot previous = wanted.putIfAbsent(name, snapshot);
      if (previous != null) {
        logger.log(System.Logger.Level.WARNING,
            "families {0} and {1} map to the same MBean {2}; publishing only the first",
            previous.getMetadata().getPrometheusName(),
            snapshot.getMetadata().getPrometheusName(), name);
      }
    }
    return wanted;
  }

  private Registrations.Family family(MetricSnapshot snapshot) {
    String exposed = settings.familyName().apply(snapshot);
    FamilySpec spec = new FamilySpec(snapshot.getMetadata().getPrometheusName(),
        FamilyType.of(snapshot), snapshot.getMetadata().getHelp(),
        settings.integral().test(exposed), settings.boundText(), settings.maxRows());
    Measures measures = new Measures(spec);
    ViewMBean mbean = new ViewMBean(spec, cache, periods,
        latest -> FamilyView.of(spec, measures, latest), settings.failures());
    return new Registrations.Family(mbean, config(exposed), shortName(exposed), measures,
        new LinkedHashMap<>());
  }

  /** The MBeans the first series of the family should have, by name. */
  private Map<ObjectName, ViewMBean> seriesMBeans(Registrations.Family family, MetricSnapshot snapshot) {
    FamilySpec spec = family.mbean().spec();
    Map<ObjectName, ViewMBean> wanted = new LinkedHashMap<>();
    for (Series series : periods.latest(spec.family(), snapshot).series()) {
      if (wanted.size() >= settings.maxSeriesMBeans()) {
        break;
      }
      if (series.labels().isEmpty()) {
        continue; // The family's MBean shows a series without labels.
      }
      ObjectName name =
          ObjectNames.series(settings.domain(), family.config(), family.name(), series.labels());
      ViewMBean existing = family.series().get(name);
      wanted.putIfAbsent(name, existing != null ? existing : new ViewMBean(spec, cache, periods,
          latest -> SeriesView.of(spec, family.measures(), series.labels(), latest),
          settings.failures()));
    }
    return wanted;
  }

  private String config(String family) {
    return Objects.requireNonNullElse(settings.configOf().apply(family), "");
  }

  private String shortName(String family) {
    String prefix = settings.prefix();
    return family.startsWith(prefix) && family.length() > prefix.length()
        ? family.substring(prefix.length())
        : family;
  }

  /**
   * The name client_java's text writers give a family (counters with {@code _total}, info
   * families with {@code _info}): the default family name of a bridge.
   *
   * @param snapshot a metric family
   * @return its exposed name
   */
  public static String expositionName(MetricSnapshot snapshot) {
    return FamilyType.of(snapshot).expositionName(snapshot.getMetadata().getPrometheusName());
  }
}
