package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.management.MBeanServer;

/**
 * The settings of a {@link JmxBridge}, made by its {@link Builder}.
 *
 * @param domain the ObjectName domain
 * @param configOf the {@code config} key of a family, by exposed name
 * @param familyName the exposed name of a family
 * @param prefix stripped from exposed names in the {@code name} key
 * @param integral whether a family's values are whole numbers, by exposed name
 * @param boundText the spelling of a bucket bound in {@code le}
 * @param maxRows the most rows of a {@code Series} table
 * @param maxSeriesMBeans the most series MBeans of one family
 * @param cacheTime how long one collection serves attribute reads
 * @param seriesSync time between background syncs of the series MBeans; zero for none
 * @param failures receives failed collections and syncs
 * @param nanoClock the clock that times collections for rates, {@link System#nanoTime} but in tests
 */
public record JmxBridgeSettings(
    String domain,
    Function<String, String> configOf,
    Function<MetricSnapshot, String> familyName,
    String prefix,
    Predicate<String> integral,
    DoubleFunction<String> boundText,
    int maxRows,
    int maxSeriesMBeans,
    Duration cacheTime,
    Duration seriesSync,
    BiConsumer<String, RuntimeException> failures,
    LongSupplier nanoClock) {

  /** Validates every setting. */
  public JmxBridgeSettings {
    ObjectNames.checkDomain(Objects.requireNonNull(domain, "domain"));
    Objects.requireNonNull(configOf, "configOf");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(integral, "integral");
    Objects.requireNonNull(boundText, "boundText");
    Objects.requireNonNull(failures, "failures");
    Objects.requireNonNull(nanoClock, "nanoClock");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
    }
    if (maxSeriesMBeans < 0) {
      throw new IllegalArgumentException("maxSeriesMBeans must not be negative, got " + maxSeriesMBeans);
    }
    if (cacheTime.isNegative()) {
      throw new IllegalArgumentException("cache time must not be negative: " + cacheTime);
    }
    if (seriesSync.isNegative()) {
      throw new IllegalArgumentException("series sync period must not be negative: " + seriesSync);
    }
  }

  /** Builder for {@link JmxBridge}; every setting has a default. */
  public static final class Builder {
    private static final System.Logger logger = System.getLogger(JmxBridge.class.getName());

    private final MBeanServer server;
    private final Supplier<MetricSnapshots> snapshots;
    private String domain = JmxBridge.DEFAULT_DOMAIN;
    private Function<String, String> configOf = Function.identity();
    private Function<MetricSnapshot, String> familyName = JmxBridge::expositionName;
    private String prefix = JmxBridge.DEFAULT_PREFIX;
    private Predicate<String> integral = family -> false;
    private DoubleFunction<String> boundText = SeriesTables::javaText;
    private int maxRows = JmxBridge.DEFAULT_MAX_ROWS;
    private int maxSeriesMBeans = JmxBridge.DEFAULT_MAX_SERIES_MBEANS;
    private Duration cacheTime = JmxBridge.DEFAULT_CACHE_TIME;
    private Duration seriesSync = JmxBridge.DEFAULT_SERIES_SYNC;
    private BiConsumer<String, RuntimeException> failures = Builder::logFailure;
    private LongSupplier nanoClock = System::nanoTime;

    Builder(MBeanServer server, Supplier<MetricSnapshots> snapshots) {
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
     *     {@code _total}), to the value of the {@code config} key; null results become the empty
     *     (quoted) value
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
     * Sets which families have whole-number values, published as {@code Long} (their counts,
     * values and totals); the others' values are {@code Double}. Histogram counts are always
     * {@code Long}.
     *
     * @param integral true for a family, by exposed name, whose values are all whole numbers;
     *     a value with a fraction would be rounded
     * @return this builder
     */
    public Builder integral(Predicate<String> integral) {
      this.integral = integral;
      return this;
    }

    /**
     * Sets how bucket bounds are spelled in the {@code le} column, for example as the
     * exposition that users compare with spells them.
     *
     * @param boundText the text of a bound, {@code +Inf} included
     * @return this builder
     */
    public Builder boundText(DoubleFunction<String> boundText) {
      this.boundText = boundText;
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
     * Sets the most series MBeans of one family.
     *
     * @param maxSeriesMBeans the most series of a family that get their own MBean; 0 for none
     * @return this builder
     */
    public Builder maxSeriesMBeans(int maxSeriesMBeans) {
      this.maxSeriesMBeans = maxSeriesMBeans;
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
     * Sets how often a background thread registers the MBeans of new series and unregisters
     * those of vanished ones; each sync takes a collection.
     *
     * @param seriesSync time between syncs; zero syncs only on {@link JmxBridge#refresh()}
     * @return this builder
     */
    public Builder seriesSync(Duration seriesSync) {
      this.seriesSync = seriesSync;
      return this;
    }

    /**
     * Sets what receives the collections and syncs that fail with no caller to tell.
     *
     * @param failures receives (what failed, the exception); must not throw
     * @return this builder
     */
    public Builder failures(BiConsumer<String, RuntimeException> failures) {
      this.failures = failures;
      return this;
    }

    /** Sets the clock that times collections; for tests. */
    Builder nanoClock(LongSupplier nanoClock) {
      this.nanoClock = nanoClock;
      return this;
    }

    /**
     * Creates the bridge.
     *
     * @return a new bridge, nothing registered yet
     * @throws IllegalArgumentException if a setting is out of range or the domain is invalid
     */
    public JmxBridge build() {
      return new JmxBridge(server, snapshots, new JmxBridgeSettings(domain, configOf, familyName,
          prefix, integral, boundText, maxRows, maxSeriesMBeans, cacheTime, seriesSync, failures, nanoClock));
    }

    /** The default failure handler: a WARNING with the stack trace. */
    private static void logFailure(String operation, RuntimeException failure) {
      logger.log(System.Logger.Level.WARNING, "JMX: " + operation + " failed", failure);
    }
  }
}
