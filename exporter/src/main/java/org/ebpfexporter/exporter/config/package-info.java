/**
 * The configuration model: records mirroring upstream ebpf_exporter's YAML ({@code NAME.yaml}
 * next to {@code NAME.bpf.o}), and {@link org.ebpfexporter.exporter.config.ConfigLoader}, which
 * reads and validates it, failing with one line naming file, metric, field and problem.
 */
package org.ebpfexporter.exporter.config;
