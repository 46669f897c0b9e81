package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What a console shows: one MBean per series, rates and period numbers, longs, bound spelling. */
class ConsoleViewTest {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final MBeanServer mbs = MBeanServerFactory.newMBeanServer();
  private final AtomicLong clock = new AtomicLong();

  private JmxBridgeSettings.Builder builder() {
    return JmxBridge.builder(mbs, registry::scrape)
        .configOf(f -> "biolatency")
        .cacheTime(Duration.ZERO)
        .seriesSync(Duration.ZERO)
        .nanoClock(clock::get);
  }

  private void advance(double seconds) {
    clock.addAndGet((long) (seconds * 1e9));
  }

  @Test
  void eachSeriesHasAnMBeanUnderItsFamilyWithAChartableRate() throws Exception {
    Counter counter = Counter.builder().name("ebpf_exporter_ios_total").help("I/Os")
        .labelNames("device", "operation").register(registry);
    counter.labelValues("sda", "read").inc(10);
    counter.labelValues("sda", "write").inc(4);
    try (JmxBridge bridge = builder().integral(f -> true).build()) {
      bridge.refresh();
      ObjectName family = new ObjectName("org.ebpfexporter:config=biolatency,name=ios_total");
      ObjectName read = new ObjectName(
          "org.ebpfexporter:config=biolatency,name=ios_total,device=sda,operation=read");
      ObjectName write = new ObjectName(
          "org.ebpfexporter:config=biolatency,name=ios_total,device=sda,operation=write");
      assertEquals(List.of(family, read, write), List.copyOf(bridge.registeredNames()));
      assertEquals(10L, mbs.getAttribute(read, "Value"));
      assertEquals(Double.NaN, mbs.getAttribute(read, "RatePerSecond"), "no period yet");
      assertEquals("I/Os {device=\"sda\",operation=\"read\"}", mbs.getMBeanInfo(read).getDescription());

      counter.labelValues("sda", "read").inc(30);
      counter.labelValues("sda", "write").inc(2);
      advance(2);
      assertEquals(40L, mbs.getAttribute(read, "Value"));
      assertEquals(15.0, mbs.getAttribute(read, "RatePerSecond"));
      assertEquals(1.0, mbs.getAttribute(write, "RatePerSecond"));
      assertEquals(46L, mbs.getAttribute(family, "Total"));
      assertEquals(16.0, mbs.getAttribute(family, "RatePerSecond"));
      TabularData series = (TabularData) mbs.getAttribute(family, "Series");
      assertEquals(15.0, series.get(new Object[] {"sda", "read"}).get("ratePerSecond"));
      assertEquals(40L, series.get(new Object[] {"sda", "read"}).get("value"));

      // A read less than a second later extends the period rather than starting a new one.
      counter.labelValues("sda", "read").inc(5);
      advance(0.5);
      assertEquals(14.0, (Double) mbs.getAttribute(read, "RatePerSecond"), 1e-9);
    }
  }

  @Test
  void histogramSeriesShowMeanAndEstimatedPercentilesOfTheLastPeriodInMillis() throws Exception {
    Histogram h = Histogram.builder().name("ebpf_exporter_bio_latency_seconds").help("Latency")
        .classicOnly().classicUpperBounds(0.001, 0.002, 0.004).labelNames("device")
        .register(registry);
    h.labelValues("sda").observe(0.0005);
    try (JmxBridge bridge = builder().boundText(d -> d == 0.001 ? "1e-03" : "b" + d).build()) {
      bridge.refresh();
      ObjectName sda = new ObjectName(
          "org.ebpfexporter:config=biolatency,name=bio_latency_seconds,device=sda");
      ObjectName family = new ObjectName("org.ebpfexporter:config=biolatency,name=bio_latency_seconds");
      mbs.getAttribute(sda, "Count"); // the start of the period
      // In the period: 1 observation up to 1 ms, 2 in (1, 2] ms, 1 in (2, 4] ms.
      for (double v : new double[] {0.0008, 0.0015, 0.0018, 0.003}) {
        h.labelValues("sda").observe(v);
      }
      advance(4);
      assertEquals(5L, mbs.getAttribute(sda, "Count"));
      assertEquals(0.0076, (Double) mbs.getAttribute(sda, "Sum"), 1e-12);
      assertEquals(1.775, (Double) mbs.getAttribute(sda, "MeanMillis"), 1e-9);
      // Rank 2 of 4 lies in (1, 2] ms, the first of its 2: 1 + 1 * 1/2.
      assertEquals(1.5, (Double) mbs.getAttribute(sda, "P50Millis"), 1e-9);
      // Rank 3.6 lies in (2, 4] ms, 0.6 of its 1: 2 + 2 * 0.6.
      assertEquals(3.2, (Double) mbs.getAttribute(sda, "P90Millis"), 1e-9);
      assertEquals(3.92, (Double) mbs.getAttribute(sda, "P99Millis"), 1e-9);
      assertEquals(1.0, mbs.getAttribute(sda, "RatePerSecond"));
      TabularData buckets = (TabularData) mbs.getAttribute(sda, "Buckets");
      assertEquals(List.of("1e-03", "b0.002", "b0.004", "b" + Double.POSITIVE_INFINITY),
          JmxBridgeTest.keys(buckets, "le"));
      assertEquals(List.of(2L, 4L, 5L, 5L), JmxBridgeTest.values(buckets, "count"));
      // One series: the family's totals are the same numbers.
      assertEquals(3.2, (Double) mbs.getAttribute(family, "P90Millis"), 1e-9);
      assertEquals(5L, mbs.getAttribute(family, "Count"));
    }
  }

  @Test
  void familyTotalsAddSeriesUpBucketByBucket() throws Exception {
    Histogram h = Histogram.builder().name("ebpf_exporter_io_size_bytes").help("Sizes")
        .classicOnly().classicUpperBounds(100, 200).labelNames("device").register(registry);
    try (JmxBridge bridge = builder().build()) {
      bridge.refresh();
      ObjectName family = new ObjectName("org.ebpfexporter:config=biolatency,name=io_size_bytes");
      h.labelValues("a").observe(50);
      h.labelValues("b").observe(150);
      mbs.getAttribute(family, "Count");
      h.labelValues("a").observe(150);
      h.labelValues("b").observe(150);
      advance(1);
      assertEquals(4L, mbs.getAttribute(family, "Count"));
      assertEquals(150.0, mbs.getAttribute(family, "Mean"), "bytes are no time: no Millis");
      assertEquals(150.0, (Double) mbs.getAttribute(family, "P50"), 1e-9);
      assertEquals(2.0, mbs.getAttribute(family, "RatePerSecond"));
    }
  }

  @Test
  void seriesMBeansFollowTheSeriesUpToTheCap() throws Exception {
    Counter counter = Counter.builder().name("ebpf_exporter_calls_total").help("c")
        .labelNames("name").register(registry);
    counter.labelValues("a").inc();
    try (JmxBridge bridge = builder().maxSeriesMBeans(2).seriesSync(Duration.ofMillis(50)).build()) {
      bridge.refresh();
      ObjectName family = new ObjectName("org.ebpfexporter:config=biolatency,name=calls_total");
      ObjectName a = new ObjectName(family + ",name_label=a");
      assertEquals(Set.of(family, a), bridge.registeredNames());
      counter.labelValues("b").inc();
      counter.labelValues("c").inc();
      ObjectName b = new ObjectName(family + ",name_label=b");
      // The background sync registers new series, at most two per family.
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> mbs.isRegistered(b));
      assertEquals(Set.of(family, a, b), bridge.registeredNames());
      assertEquals(3, mbs.getAttribute(family, "SeriesCount"));
      counter.remove("a");
      Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> !mbs.isRegistered(a));
      assertTrue(mbs.isRegistered(new ObjectName(family + ",name_label=c")));
    }
    assertEquals(0, mbs.queryNames(new ObjectName("org.ebpfexporter:*"), null).size());
  }

  @Test
  void aSeriesGoneUntilTheNextSyncSaysSo() throws Exception {
    Counter counter = Counter.builder().name("ebpf_exporter_x_total").help("x")
        .labelNames("k").register(registry);
    counter.labelValues("v").inc();
    try (JmxBridge bridge = builder().build()) {
      bridge.refresh();
      ObjectName v = new ObjectName("org.ebpfexporter:config=biolatency,name=x_total,k=v");
      assertEquals(true, mbs.getAttribute(v, "Present"));
      counter.remove("v");
      assertEquals(false, mbs.getAttribute(v, "Present"));
      bridge.refresh();
      assertFalse(mbs.isRegistered(v));
    }
  }
}
