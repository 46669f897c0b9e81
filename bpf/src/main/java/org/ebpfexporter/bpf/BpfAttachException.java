package org.ebpfexporter.bpf;

/** Attaching a program to its hook, or detaching it, failed. */
public final class BpfAttachException extends BpfException {
    BpfAttachException(String message, int errno) {
        super(message, errno);
    }

    BpfAttachException(String message, int errno, PrivilegeNeeds needs) {
        super(message, errno, needs);
    }
}
