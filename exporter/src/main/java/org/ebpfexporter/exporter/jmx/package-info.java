/**
 * JMX: {@link org.ebpfexporter.exporter.jmx.ExporterMBeans} publishes every served
 * {@code ebpf_exporter_*} metric as an MBean through the generic {@code jmx-bridge};
 * {@link org.ebpfexporter.exporter.jmx.JmxRemote} serves the MBean server to JConsole and VisualVM
 * over RMI on one port, as {@code -Dcom.sun.management.jmxremote.port} does, secure by default:
 * a checked password file, a read-only view for all but {@code readwrite} users, and filters on
 * what clients may send.
 */
package org.ebpfexporter.exporter.jmx;
