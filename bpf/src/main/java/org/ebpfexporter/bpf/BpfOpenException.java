package org.ebpfexporter.bpf;

/**
 * An object file could not be opened or parsed, or could not be prepared for load (a global set,
 * a program's type set).
 */
public final class BpfOpenException extends BpfException {
    BpfOpenException(String message, int errno) {
        super(message, errno);
    }
}
