/** The {@code ebpf-exporter} command: upstream's flags, start-up, and shutdown on SIGINT and SIGTERM. */
package org.ebpfexporter.exporter.cli;
