/**
 * A narrow, typed binding to the system's libbpf: open, configure, load and close BPF objects,
 * attach their programs, read their maps, and look up kernel symbols.
 *
 * <p>All native code lives in {@code org.ebpfexporter.bpf.internal}; nothing here knows about
 * Prometheus or configuration files.
 */
package org.ebpfexporter.bpf;
