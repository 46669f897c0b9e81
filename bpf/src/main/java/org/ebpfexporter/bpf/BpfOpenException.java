package org.ebpfexporter.bpf;

/** An object file could not be opened or parsed, or a global could not be set before load. */
public final class BpfOpenException extends BpfException {
    BpfOpenException(String message, int errno) {
        super(message, errno);
    }
}
