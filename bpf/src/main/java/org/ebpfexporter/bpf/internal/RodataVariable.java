package org.ebpfexporter.bpf.internal;

/**
 * A read-only global's place in an object's {@code .rodata} section.
 *
 * @param name   the C variable name
 * @param offset its byte offset in the section
 * @param size   its size in bytes
 */
public record RodataVariable(String name, int offset, int size) {}
