/**
 * The Prometheus text format 0.0.4 exactly as the Go exporter writes it (client_golang's expfmt):
 * Go's float spelling, label order, family and series order, so that series keep their identity
 * when a Go exporter is replaced by this one.
 */
package org.ebpfexporter.exporter.exposition;
