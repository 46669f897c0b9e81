package org.ebpfexporter.bpf;

import org.ebpfexporter.bpf.internal.Errno;

/**
 * A failure of a BPF operation. Messages name the object, the operation and the errno symbol
 * (for example {@code EPERM}); the errno value itself is available from {@link #errno()}.
 */
public abstract sealed class BpfException extends RuntimeException
        permits BpfOpenException, BpfLoadException, BpfAttachException, BpfMapException,
                LibbpfUnavailableException {
    private final int errno;

    BpfException(String message, int errno) {
        super(errno > 0 ? message + ": " + Errno.name(errno) + " (" + Errno.description(errno) + ")" : message);
        this.errno = errno;
    }

    /** The errno that the failed call reported, or 0 when none applies. */
    public int errno() {
        return errno;
    }

    /** The symbolic name of {@link #errno()}, such as {@code ENOENT}, or an empty string. */
    public String errnoName() {
        return errno > 0 ? Errno.name(errno) : "";
    }
}
