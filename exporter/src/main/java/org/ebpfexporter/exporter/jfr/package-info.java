/**
 * Publishes the exporter's metrics as JFR events through {@link org.ebpfexporter.jfr.JfrBridge}:
 * the same families as {@code /metrics}, one collection per period.
 */
package org.ebpfexporter.exporter.jfr;
