/**
 * Publishes client_java metric snapshots as JMX MBeans.
 *
 * <p>{@link org.ebpfexporter.jmx.JmxBridge} registers one read-only
 * {@link javax.management.DynamicMBean} per metric family. Every attribute has an open type ({@code javax.management.openmbean}), so
 * JConsole, VisualVM or any remote JMX client reads the values without this module's classes.
 * Values are taken from a shared {@code MetricSnapshots} supplier at read time, through a short
 * cache, so browsing every MBean costs one collection.
 *
 * <p>The module depends on {@code prometheus-metrics-model} only and can publish any client_java
 * registry ({@code registry::scrape}).
 */
package org.ebpfexporter.jmx;
