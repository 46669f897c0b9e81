/**
 * The FFM downcalls to libbpf and the C library. Not an API: only {@code org.ebpfexporter.bpf}
 * uses it.
 */
package org.ebpfexporter.bpf.internal;
