package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reads values through a real RMI connector, as JConsole or VisualVM would. */
class RemoteJmxTest {
  @Test
  @Timeout(60)
  void remoteClientReadsValuesWithoutOurClasses() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter.builder().name("ebpf_exporter_remote_total").help("r").register(registry).inc(7);
    Counter labelled =
        Counter.builder().name("ebpf_exporter_remote_ops_total").help("o").labelNames("op").register(registry);
    labelled.labelValues("read").inc(11);
    MBeanServer mbs = MBeanServerFactory.newMBeanServer();
    // No RMI registry: the connector server's address embeds the serialised stub.
    JMXConnectorServer server =
        JMXConnectorServerFactory.newJMXConnectorServer(
            new JMXServiceURL("service:jmx:rmi://127.0.0.1"), null, mbs);
    try (JmxBridge bridge =
        JmxBridge.builder(mbs, registry::scrape).configOf(f -> "remote").cacheTime(Duration.ZERO).build()) {
      bridge.refresh();
      server.start();
      try (JMXConnector connector = JMXConnectorFactory.connect(server.getAddress())) {
        MBeanServerConnection connection = connector.getMBeanServerConnection();
        ObjectName scalar = new ObjectName("org.ebpfexporter:config=remote,name=remote_total");
        assertEquals(7.0, connection.getAttribute(scalar, "Value"));
        ObjectName table = new ObjectName("org.ebpfexporter:config=remote,name=remote_ops_total");
        TabularData series = (TabularData) connection.getAttribute(table, "Series");
        assertEquals(11.0, series.get(new Object[] {"read"}).get("value"));
      }
    } finally {
      server.stop();
    }
  }
}
