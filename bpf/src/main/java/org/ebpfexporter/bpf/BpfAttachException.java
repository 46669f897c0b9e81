package org.ebpfexporter.bpf;

/** Attaching a program to its hook failed. */
public final class BpfAttachException extends BpfException {
    BpfAttachException(String message, int errno) {
        super(message, errno);
    }
}
