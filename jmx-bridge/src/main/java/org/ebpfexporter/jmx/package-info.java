/**
 * Publishes client_java metric snapshots as JMX MBeans made for consoles.
 *
 * <p>{@link org.ebpfexporter.jmx.JmxBridge} registers one read-only
 * {@link javax.management.DynamicMBean} per metric family and one per series, named so that
 * JConsole's tree shows config, metric, then series. Every attribute has an open type
 * ({@code javax.management.openmbean}), so JConsole, VisualVM or any remote JMX client reads the
 * values without this module's classes; the numbers worth charting (rates, means, estimated
 * percentiles) are scalars, which consoles chart. Values are taken from a shared
 * {@code MetricSnapshots} supplier at read time, through a short cache, so browsing every MBean
 * costs one collection.
 *
 * <p>The module depends on {@code prometheus-metrics-model} only and can publish any client_java
 * registry ({@code registry::scrape}).
 */
package org.ebpfexporter.jmx;
