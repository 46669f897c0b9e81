/**
 * All the module's native code: the thin glue between {@code org.ebpfexporter.bpf} and libbpf or
 * the C library (object, program, map and link handles, errno capture and names, the libbpf log
 * callback, {@code perf_event_open} through {@code syscall}), on top of the binding that jextract
 * generated into {@code org.ebpfexporter.bpf.internal.binding}. Not an API: only
 * {@code org.ebpfexporter.bpf} uses it, and its types never appear in that package's public
 * signatures.
 */
package org.ebpfexporter.bpf.internal;
