package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JmxBridgeTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private MBeanServer mbs;

  @BeforeEach
  void newServer() {
    mbs = MBeanServerFactory.newMBeanServer();
  }

  private JmxBridge bridge(Supplier<MetricSnapshots> source) {
    return JmxBridge.builder(mbs, source)
        .configOf(family -> family.startsWith("ebpf_exporter_") ? "biolatency" : "exporter")
        .cacheTime(Duration.ZERO)
        .build();
  }

  private static ObjectName name(String text) throws Exception {
    return new ObjectName(text);
  }

  @Test
  void unlabelledCounterIsAScalarValue() throws Exception {
    Counter counter = Counter.builder().name("ebpf_exporter_events_total").help("Events seen").register(registry);
    counter.inc(3);
    try (JmxBridge bridge = bridge(registry::scrape)) {
      bridge.refresh();
      ObjectName on = name("org.ebpfexporter:config=biolatency,name=events_total");
      assertEquals(Set.of(on), bridge.registeredNames());
      assertEquals(3.0, mbs.getAttribute(on, "Value"));
      assertEquals(3.0, mbs.getAttribute(on, "Total"));
      assertEquals(1, mbs.getAttribute(on, "SeriesCount"));
      assertEquals(false, mbs.getAttribute(on, "Truncated"));
      assertThrows(AttributeNotFoundException.class, () -> mbs.getAttribute(on, "Series"));

      counter.inc(2); // read at getAttribute time
      assertEquals(5.0, mbs.getAttribute(on, "Value"));

      MBeanInfo info = mbs.getMBeanInfo(on);
      assertEquals("Events seen", info.getDescription());
      for (MBeanAttributeInfo a : info.getAttributes()) {
        assertTrue(a instanceof OpenMBeanAttributeInfo, a.getName() + " has an open type");
        assertFalse(a.isWritable());
      }
      assertEquals(
          List.of("Type", "Value", "RatePerSecond", "Total", "SeriesCount", "Truncated"),
          Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName).toList());
    }
  }

  @Test
  void labelledCounterIsASeriesTable() throws Exception {
    Counter counter =
        Counter.builder().name("ebpf_exporter_syscalls_total").help("Syscalls").labelNames("op", "value").register(registry);
    counter.labelValues("read", "x").inc(2);
    counter.labelValues("write", "y").inc(5);
    try (JmxBridge bridge = bridge(registry::scrape)) {
      bridge.refresh();
      ObjectName on = name("org.ebpfexporter:config=biolatency,name=syscalls_total");
      TabularData series = (TabularData) mbs.getAttribute(on, "Series");
      assertEquals(2, series.size());
      // "value" is the value column, so the label of that name becomes "value_label".
      assertEquals(List.of("op", "value_label"), series.getTabularType().getIndexNames());
      CompositeData read = series.get(new Object[] {"read", "x"});
      assertEquals(2.0, read.get("value"));
      assertEquals("x", read.get("value_label"));
      assertEquals(5.0, series.get(new Object[] {"write", "y"}).get("value"));
      assertEquals(7.0, mbs.getAttribute(on, "Total"));
      assertEquals(2, mbs.getAttribute(on, "SeriesCount"));
      assertEquals(false, mbs.getAttribute(on, "Truncated"));
      assertThrows(AttributeNotFoundException.class, () -> mbs.getAttribute(on, "Value"));
    }
  }

  @Test
  void gaugeWithLabels() throws Exception {
    Gauge gauge = Gauge.builder().name("run_queue_depth").help("Depth").labelNames("cpu").register(registry);
    gauge.labelValues("0").set(1.5);
    gauge.labelValues("1").set(-0.5);
    try (JmxBridge bridge = bridge(registry::scrape)) {
      bridge.refresh();
      ObjectName on = name("org.ebpfexporter:config=exporter,name=run_queue_depth");
      TabularData series = (TabularData) mbs.getAttribute(on, "Series");
      assertEquals(1.5, series.get(new Object[] {"0"}).get("value"));
      assertEquals(-0.5, series.get(new Object[] {"1"}).get("value"));
      assertEquals(1.0, mbs.getAttribute(on, "Total"));
    }
  }

  @Test
  void unlabelledHistogramHasCountSumAndCumulativeBuckets() throws Exception {
    Histogram h =
        Histogram.builder().name("ebpf_exporter_latency_seconds").help("Latency")
            .classicOnly().classicUpperBounds(0.1, 1.0).register(registry);
    h.observe(0.05);
    h.observe(0.5);
    h.observe(5);
    try (JmxBridge bridge = bridge(registry::scrape)) {
      bridge.refresh();
      ObjectName on = name("org.ebpfexporter:config=biolatency,name=latency_seconds");
      assertEquals(3L, mbs.getAttribute(on, "Count"));
      assertEquals(5.55, (Double) mbs.getAttribute(on, "Sum"), 1e-12);
      TabularData buckets = (TabularData) mbs.getAttribute(on, "Buckets");
      // Indexed by ordinal, so consoles that sort by the index list them in bound order.
      assertEquals(List.of("bucket"), buckets.getTabularType().getIndexNames());
      assertEquals(List.of("0.1", "1.0", "+Inf"), keys(buckets, "le"));
      assertEquals(1L, buckets.get(new Object[] {0}).get("count"));
      assertEquals(2L, buckets.get(new Object[] {1}).get("count"));
      assertEquals(3L, buckets.get(new Object[] {2}).get("count"));
      // No period yet: the first collection has nothing to compare with.
      assertEquals(Double.NaN, mbs.getAttribute(on, "P99Millis"));
      assertEquals("histogram", mbs.getAttribute(on, "Type"));
      assertEquals(1, mbs.getAttribute(on, "SeriesCount"));
      assertEquals(false, mbs.getAttribute(on, "Truncated"));
    }
  }

  @Test
  void labelledHistogramNestsBucketsAndMapsReservedLabelNames() throws Exception {
    Histogram h =
        Histogram.builder().name("io_size_bytes").help("Sizes").classicOnly()
            .classicUpperBounds(512, 4096).labelNames("disk", "count", "sum").register(registry);
    h.labelValues("sda", "a", "b").observe(100);
    h.labelValues("sda", "a", "b").observe(1000);
    h.labelValues("sdb", "c", "d").observe(10000);
    try (JmxBridge bridge = bridge(registry::scrape)) {
      bridge.refresh();
      ObjectName on = name("org.ebpfexporter:config=exporter,name=io_size_bytes");
      TabularData series = (TabularData) mbs.getAttribute(on, "Series");
      // client_java sorts labels by name; the columns keep that order.
      assertEquals(List.of("count_label", "disk", "sum_label"), series.getTabularType().getIndexNames());
      CompositeData sda = series.get(new Object[] {"a", "sda", "b"});
      assertEquals("a", sda.get("count_label"));
      assertEquals(2L, sda.get("count"));
      assertEquals(1100.0, sda.get("sum"));
      TabularData buckets = (TabularData) sda.get("buckets");
      assertEquals(List.of("512.0", "4096.0", "+Inf"), keys(buckets, "le"));
      assertEquals(List.of(1L, 2L, 2L), values(buckets, "count"));
      CompositeData sdb = series.get(new Object[] {"c", "sdb", "d"});
      assertEquals(List.of(0L, 0L, 1L), values((TabularData) sdb.get("buckets"), "count"));
      assertEquals(2, mbs.getAttribute(on, "SeriesCount"));
    }
  }

  @Test
  void quotesValuesObjectNameRejectsAndKeepsPlainOnesPlain() throws Exception {
    Counter.builder().name("ebpf_exporter_hits_total").help("h").register(registry).inc();
    try (JmxBridge bridge =
        JmxBridge.builder(mbs, registry::scrape).configOf(f -> "disk,io=1").build()) {
      bridge.refresh();
      ObjectName on = bridge.registeredNames().iterator().next();
      assertEquals("org.ebpfexporter:config=\"disk,io=1\",name=hits_total", on.toString());
      assertEquals("disk,io=1", ObjectName.unquote(on.getKeyProperty("config")));
      assertEquals("hits_total", on.getKeyProperty("name"));
      assertEquals(1.0, mbs.getAttribute(on, "Value"));
    }
  }

  @Test
  void namesAreTheExposedNamesCountersKeepTotal() throws Exception {
    Counter.builder().name("ebpf_exporter_timer_starts_total").help("t").register(registry).inc(2);
    Gauge.builder().name("ebpf_exporter_depth").help("d").register(registry).set(1);
    List<String> asked = new ArrayList<>();
    try (JmxBridge bridge =
        JmxBridge.builder(mbs, registry::scrape)
            .configOf(f -> { asked.add(f); return "timers"; })
            .cacheTime(Duration.ZERO)
            .build()) {
      bridge.refresh();
      assertEquals(
          Set.of(
              name("org.ebpfexporter:config=timers,name=timer_starts_total"),
              name("org.ebpfexporter:config=timers,name=depth")),
          bridge.registeredNames());
      // The config function sees the names as /metrics shows them, prefix included.
      assertEquals(Set.of("ebpf_exporter_timer_starts_total", "ebpf_exporter_depth"), Set.copyOf(asked));
    }
  }

  @Test
  void familiesThatDisappearAreUnregistered() throws Exception {
    Counter a = Counter.builder().name("a_total").help("a").register(registry);
    Gauge b = Gauge.builder().name("b").help("b").register(registry);
    a.inc();
    b.set(1);
    ObjectName aName = name("org.ebpfexporter:config=exporter,name=a_total");
    ObjectName bName = name("org.ebpfexporter:config=exporter,name=b");
    try (JmxBridge bridge = bridge(registry::scrape)) {
      bridge.refresh();
      assertTrue(mbs.isRegistered(aName));
      assertTrue(mbs.isRegistered(bName));
      registry.unregister(a);
      // Until the next refresh the MBean stays, with an empty view.
      assertEquals(0, mbs.getAttribute(aName, "SeriesCount"));
      bridge.refresh();
      assertFalse(mbs.isRegistered(aName));
      assertTrue(mbs.isRegistered(bName));
      assertEquals(Set.of(bName), bridge.registeredNames());
    }
    assertFalse(mbs.isRegistered(bName), "close unregisters everything");
    assertEquals(0, mbs.queryNames(name("org.ebpfexporter:*"), null).size());
  }

  @Test
  void failedCollectionsReachTheFailureHandlerWhateverTheClientIsTold() throws Exception {
    Gauge.builder().name("ebpf_exporter_flaky").help("Flaky").register(registry).set(2);
    AtomicInteger calls = new AtomicInteger();
    List<String> failures = new ArrayList<>();
    Supplier<MetricSnapshots> failingAfterRefresh =
        () -> {
          if (calls.incrementAndGet() > 1) {
            throw new IllegalStateException("map closed");
          }
          return registry.scrape();
        };
    try (JmxBridge bridge =
        JmxBridge.builder(mbs, failingAfterRefresh)
            .cacheTime(Duration.ZERO)
            .failures((operation, e) -> failures.add(operation + ": " + e.getMessage()))
            .build()) {
      bridge.refresh();
      ObjectName on = name("org.ebpfexporter:config=ebpf_exporter_flaky,name=flaky");
      assertThrows(javax.management.MBeanException.class, () -> mbs.getAttribute(on, "Value"));
      assertEquals(0, mbs.getAttributes(on, new String[] {"Value"}).size());
      assertNotNull(mbs.getMBeanInfo(on), "the last MBeanInfo is kept");
      assertEquals(
          List.of(
              "collecting metrics: map closed",
              "collecting metrics: map closed",
              "collecting metrics: map closed"),
          failures);
    }
  }

  @Test
  void duplicateRegistrationFailsClearlyAndRollsBack() throws Exception {
    Counter.builder().name("shared_total").help("s").register(registry).inc();
    PrometheusRegistry other = new PrometheusRegistry();
    Counter.builder().name("only_second_total").help("o").register(other).inc();
    Counter.builder().name("shared_total").help("s").register(other).inc();
    try (JmxBridge first = bridge(registry::scrape);
        JmxBridge second = bridge(other::scrape)) {
      first.refresh();
      IllegalStateException e = assertThrows(IllegalStateException.class, second::refresh);
      assertTrue(
          e.getMessage().contains("org.ebpfexporter:config=exporter,name=shared_total"),
          e.getMessage());
      assertTrue(second.registeredNames().isEmpty());
      assertFalse(mbs.isRegistered(name("org.ebpfexporter:config=exporter,name=only_second_total")));
      assertEquals(1, mbs.queryNames(name("org.ebpfexporter:*"), null).size());
      assertEquals(1.0, mbs.getAttribute(first.registeredNames().iterator().next(), "Value"));
    }
  }

  @Test
  void seriesTableIsTruncatedAtTheRowCap() throws Exception {
    Gauge g = Gauge.builder().name("many").help("m").labelNames("k").register(registry);
    for (int i = 0; i < 5; i++) {
      g.labelValues("k" + i).set(i);
    }
    try (JmxBridge bridge =
        JmxBridge.builder(mbs, registry::scrape).maxRows(3).cacheTime(Duration.ZERO).build()) {
      bridge.refresh();
      ObjectName on = bridge.registeredNames().iterator().next();
      TabularData series = (TabularData) mbs.getAttribute(on, "Series");
      assertEquals(3, series.size());
      assertEquals(List.of("k0", "k1", "k2"), keys(series, "k"));
      assertEquals(true, mbs.getAttribute(on, "Truncated"));
      assertEquals(5, mbs.getAttribute(on, "SeriesCount"));
      assertEquals(10.0, mbs.getAttribute(on, "Total"), "Total covers rows left out too");
    }
  }

  @Test
  void readingEverythingCostsOneCollection() throws Exception {
    Counter.builder().name("c_total").help("c").labelNames("l").register(registry).labelValues("x").inc();
    Histogram.builder().name("h").help("h").classicOnly().register(registry).observe(1);
    Gauge.builder().name("g").help("g").register(registry).set(2);
    AtomicInteger collections = new AtomicInteger();
    Supplier<MetricSnapshots> counting =
        () -> {
          collections.incrementAndGet();
          return registry.scrape();
        };
    try (JmxBridge bridge =
        JmxBridge.builder(mbs, counting).cacheTime(Duration.ofMinutes(5)).build()) {
      bridge.refresh();
      for (ObjectName on : bridge.registeredNames()) {
        String[] attributes =
            Arrays.stream(mbs.getMBeanInfo(on).getAttributes()).map(MBeanAttributeInfo::getName)
                .toArray(String[]::new);
        assertEquals(attributes.length, mbs.getAttributes(on, attributes).size());
        for (String a : attributes) {
          assertNotNull(mbs.getAttribute(on, a));
        }
      }
      assertEquals(1, collections.get());
    }
  }

  @Test
  void refreshWithoutCacheTimeCollectsOnce() {
    Counter.builder().name("x_total").help("x").register(registry);
    Gauge.builder().name("y").help("y").register(registry);
    AtomicInteger collections = new AtomicInteger();
    try (JmxBridge bridge =
        bridge(
            () -> {
              collections.incrementAndGet();
              return registry.scrape();
            })) {
      bridge.refresh();
      assertEquals(2, bridge.registeredNames().size());
      assertEquals(1, collections.get());
    }
  }

  @Test
  void worksOnThePlatformMBeanServer() throws Exception {
    Counter.builder().name("ebpf_exporter_platform_total").help("p").register(registry).inc(4);
    MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
    ObjectName on = name("jmx_bridge_test:config=platform_total,name=platform_total");
    try (JmxBridge bridge =
        JmxBridge.builder(platform, registry::scrape)
            .domain("jmx_bridge_test").configOf(f -> "platform_total").build()) {
      bridge.refresh();
      assertEquals(4.0, platform.getAttribute(on, "Value"));
    }
    assertFalse(platform.isRegistered(on));
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> JmxBridge.builder(mbs, registry::scrape).domain("a:b").build());
    assertThrows(IllegalArgumentException.class, () -> JmxBridge.builder(mbs, registry::scrape).maxRows(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> JmxBridge.builder(mbs, registry::scrape).cacheTime(Duration.ofSeconds(-1)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> JmxBridge.builder(mbs, registry::scrape).seriesSync(Duration.ofSeconds(-1)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> JmxBridge.builder(mbs, registry::scrape).maxSeriesMBeans(-1).build());
    JmxBridge closed = bridge(registry::scrape);
    closed.close();
    assertThrows(IllegalStateException.class, closed::refresh);
  }

  static List<Object> keys(TabularData table, String item) {
    return table.values().stream().map(r -> ((CompositeData) r).get(item)).toList();
  }

  static List<Object> values(TabularData table, String item) {
    return table.values().stream().map(r -> ((CompositeData) r).get(item)).toList();
  }
}
