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
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes every metric family of a {@link MetricSnapshots} supplier as one read-only MBean.
 *
 * <p>ObjectNames have the form {@code <domain>:type=<Type>,config=<config>,name=<name>}, where
 * {@code Type} is one of {@code Counter}, {@code Gauge}, {@code Histogram}, {@code Summary},
 * {@code Info}, {@code StateSet}, {@code Unknown}; {@code config} is given by the caller's
 * function of the family name; {@code name} is the family name without the configured prefix.
 * The family name is the one the text exposition formats write, which is what a user sees on
 * {@code /metrics}: a counter keeps its {@code _total} suffix and an info family its
 * {@code _info} suffix, although client_java's snapshots drop both (so counter
 * {@code ebpf_exporter_timer_starts_total} becomes {@code name=timer_starts_total}). Values that
 * ObjectName does not accept unquoted are quoted with {@link ObjectName#quote}.
 *
 * <p>Attributes, all with open types:
 *
 * <ul>
 *   <li>counters, gauges, unknown, info and state sets: {@code Series}, a table with one
 *       {@code String} column per label and a {@code double} {@code value}, indexed by all label
 *       columns (state sets add a label named after the family holding the state, info rows have
 *       the value 1); or, when the family has no labels, a scalar {@code Value}. Also
 *       {@code Total} (the sum of all values);
 *   <li>histograms and summaries: {@code Series} with label columns, {@code count} (long),
 *       {@code sum} (double) and a nested table, {@code buckets} ({@code le} to cumulative count,
 *       {@code le} printed as client_java does, {@code +Inf} for infinity) or {@code quantiles}
 *       ({@code quantile} to value); or, without labels, scalar {@code Count}, {@code Sum} and a
 *       {@code Buckets} or {@code Quantiles} table;
 *   <li>every family: {@code SeriesCount} (int) and {@code Truncated} (boolean; true when
 *       {@code Series} leaves out rows beyond the row cap).
 * </ul>
 *
 * <p>Label names that equal a value column of the same row ({@code value}; {@code count},
 * {@code sum}, {@code buckets}, {@code quantiles}) or are not valid item names get the suffix
 * {@code _label} ({@code value} becomes column {@code value_label}), repeated until unique.
 *
 * <p>Values are read when an attribute is read, from one collection cached for the configured
 * time (1 s by default), so a client reading all attributes of all MBeans causes one collection.
 *
 * <p>A collection that fails while a client reads an attribute or the MBeanInfo is handed to the
 * failure handler, as ({@value #COLLECTING}, the exception), besides what the client is told
 * ({@code getAttribute} throws, {@code getAttributes} leaves the attributes out, the MBeanInfo
 * stays the last one). The default handler logs every failure as a WARNING.
 *
 * <p>Thread-safe. {@link #refresh()} is meant to be called after start-up and whenever the set
 * of families may have changed; {@link #close()} unregisters everything this bridge registered.
 */
public final class JmxBridge implements AutoCloseable {
  /** Default ObjectName domain. */
  public static final String DEFAULT_DOMAIN = "ebpf_exporter";
  /** Default prefix stripped from family names in the {@code name} key. */
  public static final String DEFAULT_PREFIX = "ebpf_exporter_";
  /** Default maximum number of rows of a {@code Series} table. */
  public static final int DEFAULT_MAX_ROWS = 10_000;
  /** Default time one collection is served to attribute reads. */
  public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(1);
  /** What failed, as the failure handler is told when a collection fails. */
  public static final String COLLECTING = "collecting metrics";

  private static final System.Logger logger = System.getLogger(JmxBridge.class.getName());

  private final MBeanServer server;
  private final SnapshotCache cache;
  private final String domain;
  private final Function<String, String> configOf;
  private final Function<MetricSnapshot, String> familyName;
  private final String prefix;
  private final int maxRows;
  private final BiConsumer<String, RuntimeException> failures;
  private final Map<ObjectName, FamilyMBean> registered = new LinkedHashMap<>();
  private boolean closed;

  /**
   * Creates a bridge; nothing is registered before {@link #refresh()}.
   *
   * @param server the MBean server to register in
   * @param snapshots the shared collection, called at most once per {@code cacheTime}
   * @param domain the ObjectName domain
   * @param configOf maps a family name, as the text exposition writes it, to the value of the
   *     {@code config} key
   * @param prefix stripped from the start of family names in the {@code name} key
   * @param maxRows maximum rows of a {@code Series} table, at least 1
   * @param cacheTime how long one collection serves attribute reads; zero collects on every read
   * @throws IllegalArgumentException if the domain is not a valid ObjectName domain, or
   *     {@code maxRows} or {@code cacheTime} is out of range
   */
  public JmxBridge(
      MBeanServer server,
      Supplier<MetricSnapshots> snapshots,
      String domain,
      Function<String, String> configOf,
      String prefix,
      int maxRows,
      Duration cacheTime) {
    this(server, snapshots, domain, configOf, JmxBridge::expositionName, prefix, maxRows, cacheTime,
        JmxBridge::logFailure);
  }

  private JmxBridge(
      MBeanServer server,
      Supplier<MetricSnapshots> snapshots,
      String domain,
      Function<String, String> configOf,
      Function<MetricSnapshot, String> familyName,
      String prefix,
      int maxRows,
      Duration cacheTime,
      BiConsumer<String, RuntimeException> failures) {
    this.server = Objects.requireNonNull(server, "server");
    this.failures = Objects.requireNonNull(failures, "failures");
    this.familyName = Objects.requireNonNull(familyName, "familyName");
    this.cache = new SnapshotCache(Objects.requireNonNull(snapshots, "snapshots"), cacheTime);
    this.domain = ObjectNames.checkDomain(Objects.requireNonNull(domain, "domain"));
    this.configOf = Objects.requireNonNull(configOf, "configOf");
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
    }
    this.maxRows = maxRows;
  }

  /**
   * A builder with the defaults: domain {@value #DEFAULT_DOMAIN}, prefix {@value #DEFAULT_PREFIX},
   * {@value #DEFAULT_MAX_ROWS} rows, 1 s cache, and {@code config} = family name.
   *
   * @param server the MBean server to register in
   * @param snapshots the shared collection
   * @return a new builder
   */
  public static Builder builder(MBeanServer server, Supplier<MetricSnapshots> snapshots) {
    return new Builder(server, snapshots);
  }

  /**
   * Registers an MBean for each family now present and unregisters those of families that are
   * gone. Uses one collection.
   *
   * @throws IllegalStateException if an ObjectName is already registered by someone else (for
   *     example a second bridge with the same domain); then none of this bridge's MBeans is left
   *     registered. Also if the bridge is closed. Whatever the supplier throws is passed on.
   */
  public synchronized void refresh() {
    if (closed) {
      throw new IllegalStateException("JmxBridge for domain " + domain + " is closed");
    }
    SnapshotCache.Collected collected = cache.get();
    cache.pin(collected);
    try {
      Map<ObjectName, MetricSnapshot> wanted = wanted(collected.snapshots());
      List<ObjectName> gone = new ArrayList<>();
      for (Map.Entry<ObjectName, FamilyMBean> e : registered.entrySet()) {
        MetricSnapshot now = wanted.get(e.getKey());
        if (now == null || !now.getMetadata().getPrometheusName().equals(e.getValue().family())) {
          gone.add(e.getKey());
        }
      }
      for (ObjectName name : gone) {
        unregister(name);
      }
      for (Map.Entry<ObjectName, MetricSnapshot> e : wanted.entrySet()) {
        if (!registered.containsKey(e.getKey())) {
          register(e.getKey(), e.getValue());
        }
      }
    } finally {
      cache.unpin();
    }
  }

  /**
   * The ObjectNames this bridge has registered.
   *
   * @return an unmodifiable copy, in registration order
   */
  public synchronized Set<ObjectName> registeredNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(registered.keySet()));
  }

  /** Unregisters every MBean this bridge registered. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    unregisterAll();
  }

  private Map<ObjectName, MetricSnapshot> wanted(MetricSnapshots snapshots) {
    Map<ObjectName, MetricSnapshot> wanted = new LinkedHashMap<>();
    for (MetricSnapshot snapshot : snapshots) {
      FamilyType type = FamilyType.of(snapshot);
      String family = familyName.apply(snapshot);
      String config = Objects.requireNonNullElse(configOf.apply(family), "");
      String shortName =
          family.startsWith(prefix) && family.length() > prefix.length()
              ? family.substring(prefix.length())
              : family;
      ObjectName name = ObjectNames.of(domain, type, config, shortName);
      MetricSnapshot previous = wanted.putIfAbsent(name, snapshot);
      if (previous != null) {
        logger.log(
            System.Logger.Level.WARNING,
            "families {0} and {1} map to the same MBean {2}; publishing only the first",
            previous.getMetadata().getPrometheusName(),
            snapshot.getMetadata().getPrometheusName(),
            name);
      }
    }
    return wanted;
  }

  private void register(ObjectName name, MetricSnapshot snapshot) {
    FamilyMBean mbean =
        new FamilyMBean(
            snapshot.getMetadata().getPrometheusName(),
            FamilyType.of(snapshot),
            snapshot.getMetadata().getHelp(),
            cache,
            maxRows,
            failures);
    try {
      server.registerMBean(mbean, name);
      registered.put(name, mbean);
    } catch (InstanceAlreadyExistsException e) {
      unregisterAll();
      throw new IllegalStateException(
          "MBean "
              + name
              + " is already registered (is another JmxBridge publishing domain "
              + domain
              + " in this JVM?); unregistered all MBeans of this bridge",
          e);
    } catch (JMException | RuntimeException e) {
      unregisterAll();
      throw new IllegalStateException("cannot register MBean " + name + ": " + e.getMessage(), e);
    }
  }

  private void unregisterAll() {
    for (ObjectName name : List.copyOf(registered.keySet())) {
      unregister(name);
    }
  }

  private void unregister(ObjectName name) {
    registered.remove(name);
    try {
      server.unregisterMBean(name);
    } catch (InstanceNotFoundException e) {
      // Someone else unregistered it already: the goal is reached.
    } catch (JMException | RuntimeException e) {
      logger.log(System.Logger.Level.WARNING, "cannot unregister MBean " + name, e);
    }
  }

  /** The default failure handler: a WARNING with the stack trace. */
  private static void logFailure(String operation, RuntimeException failure) {
    logger.log(System.Logger.Level.WARNING, "JMX: " + operation + " failed", failure);
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

  /** Builder for {@link JmxBridge}; every setting has a default. */
  public static final class Builder {
    private final MBeanServer server;
    private final Supplier<MetricSnapshots> snapshots;
    private String domain = DEFAULT_DOMAIN;
    private Function<String, String> configOf = Function.identity();
    private Function<MetricSnapshot, String> familyName = JmxBridge::expositionName;
    private String prefix = DEFAULT_PREFIX;
    private int maxRows = DEFAULT_MAX_ROWS;
    private Duration cacheTime = DEFAULT_CACHE_TIME;
    private BiConsumer<String, RuntimeException> failures = JmxBridge::logFailure;

    private Builder(MBeanServer server, Supplier<MetricSnapshots> snapshots) {
      this.server = server;
      this.snapshots = snapshots;
    }

    /**
     * Sets the ObjectName domain.
     *
     * @param domain ObjectName domain
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Sets how the {@code config} key is derived from a family name.
     *
     * @param configOf maps a family name, as the text exposition writes it (counters with
     *     {@code _total}), to the value of the {@code config} key; null results
     *     become the empty (quoted) value
     * @return this builder
     */
    public Builder configOf(Function<String, String> configOf) {
      this.configOf = configOf;
      return this;
    }

    /**
     * Sets how a family is named, for a source that serves some families under names other than
     * client_java's writers would (such as counters without a {@code _total} suffix).
     *
     * @param familyName the exposed name of a family, from which the {@code name} key derives
     * @return this builder
     */
    public Builder familyName(Function<MetricSnapshot, String> familyName) {
      this.familyName = familyName;
      return this;
    }

    /**
     * Sets the prefix stripped from family names.
     *
     * @param prefix stripped from family names in the {@code name} key; empty for none
     * @return this builder
     */
    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /**
     * Sets the row cap.
     *
     * @param maxRows maximum rows of a {@code Series} table
     * @return this builder
     */
    public Builder maxRows(int maxRows) {
      this.maxRows = maxRows;
      return this;
    }

    /**
     * Sets the cache time.
     *
     * @param cacheTime how long one collection serves attribute reads
     * @return this builder
     */
    public Builder cacheTime(Duration cacheTime) {
      this.cacheTime = cacheTime;
      return this;
    }

    /**
     * Sets what receives the collections that fail while a client reads, which no caller would see
     * otherwise.
     *
     * @param failures receives (what failed, the exception); must not throw
     * @return this builder
     */
    public Builder failures(BiConsumer<String, RuntimeException> failures) {
      this.failures = failures;
      return this;
    }

    /**
     * Creates the bridge.
     *
     * @return a new bridge, nothing registered yet
     */
    public JmxBridge build() {
      return new JmxBridge(
          server, snapshots, domain, configOf, familyName, prefix, maxRows, cacheTime, failures);
    }
  }
}
