package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Summaries, state sets, info and unknown families, built directly from the model. */
class OtherFamilyTypesTest {
  private final MBeanServer mbs = MBeanServerFactory.newMBeanServer();

  private JmxBridge bridge;

  private void publish(MetricSnapshots snapshots) {
    bridge = JmxBridge.builder(mbs, () -> snapshots).configOf(f -> "cfg").cacheTime(Duration.ZERO).build();
    bridge.refresh();
  }

  @AfterEach
  void close() {
    if (bridge != null) {
      bridge.close();
    }
  }

  @Test
  void summaryHasCountSumAndQuantiles() throws Exception {
    SummarySnapshot summary =
        SummarySnapshot.builder()
            .name("rpc_seconds")
            .help("RPC time")
            .dataPoint(
                SummarySnapshot.SummaryDataPointSnapshot.builder()
                    .labels(Labels.of("method", "get"))
                    .quantiles(Quantiles.of(new Quantile(0.5, 0.25), new Quantile(0.99, 1.5)))
                    .count(4)
                    .sum(2.0)
                    .build())
            .build();
    publish(MetricSnapshots.of(summary));
    ObjectName on = new ObjectName("org.ebpfexporter:config=cfg,name=rpc_seconds");
    CompositeData row = ((TabularData) mbs.getAttribute(on, "Series")).get(new Object[] {"get"});
    assertEquals(4L, row.get("count"));
    assertEquals(2.0, row.get("sum"));
    TabularData quantiles = (TabularData) row.get("quantiles");
    assertEquals(List.of(0.5, 0.99), JmxBridgeTest.keys(quantiles, "quantile"));
    assertEquals(List.of(0.25, 1.5), JmxBridgeTest.values(quantiles, "value"));
  }

  @Test
  void stateSetHasOneRowPerState() throws Exception {
    StateSetSnapshot states =
        StateSetSnapshot.builder()
            .name("link")
            .help("Link state")
            .dataPoint(
                StateSetSnapshot.StateSetDataPointSnapshot.builder()
                    .labels(Labels.of("dev", "eth0"))
                    .state("up", true)
                    .state("down", false)
                    .build())
            .build();
    publish(MetricSnapshots.of(states));
    ObjectName on = new ObjectName("org.ebpfexporter:config=cfg,name=link");
    TabularData series = (TabularData) mbs.getAttribute(on, "Series");
    assertEquals(List.of("dev", "link"), series.getTabularType().getIndexNames());
    assertEquals(1.0, series.get(new Object[] {"eth0", "up"}).get("value"));
    assertEquals(0.0, series.get(new Object[] {"eth0", "down"}).get("value"));
    assertEquals(2, mbs.getAttribute(on, "SeriesCount"));
    assertEquals(1.0, mbs.getAttribute(on, "Total"));
  }

  @Test
  void infoAndUnknown() throws Exception {
    InfoSnapshot info =
        InfoSnapshot.builder()
            .name("build")
            .help("Build")
            .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder().labels(Labels.of("version", "1.2")).build())
            .build();
    UnknownSnapshot unknown =
        UnknownSnapshot.builder()
            .name("ebpf_exporter_mystery")
            .help("?")
            .dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().value(42).build())
            .build();
    publish(MetricSnapshots.of(info, unknown));
    TabularData series =
        (TabularData) mbs.getAttribute(new ObjectName("org.ebpfexporter:config=cfg,name=build_info"), "Series");
    assertEquals(1.0, series.get(new Object[] {"1.2"}).get("value"));
    assertEquals(
        42.0, mbs.getAttribute(new ObjectName("org.ebpfexporter:config=cfg,name=mystery"), "Value"));
  }
}
