/**
 * The exporter: {@link org.ebpfexporter.exporter.Exporter} loads configs and their BPF objects
 * and exposes their metrics through a client_java collector; {@link
 * org.ebpfexporter.exporter.DefaultConfigs} reads the configs embedded in the jar.
 */
package org.ebpfexporter.exporter;
