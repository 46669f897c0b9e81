/**
 * A narrow, typed binding to the system's libbpf: open, configure, load and close BPF objects,
 * attach their programs, read their maps, and look up kernel symbols.
 *
 * <p>No class here touches native memory: they call the glue in
 * {@code org.ebpfexporter.bpf.internal}, which holds every use of {@code java.lang.foreign} (a
 * test checks it). Nothing here knows about Prometheus or configuration files.
 */
package org.ebpfexporter.bpf;
