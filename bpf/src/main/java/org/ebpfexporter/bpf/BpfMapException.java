package org.ebpfexporter.bpf;

/** A map operation failed, or a map was not found. */
public final class BpfMapException extends BpfException {
    BpfMapException(String message, int errno) {
        super(message, errno);
    }
}
