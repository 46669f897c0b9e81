package org.ebpfexporter.bpf;

import org.ebpfexporter.bpf.internal.Errno;

/**
 * A failure of a BPF operation. Messages are one line naming the object, the operation and the
 * errno symbol (for example {@code EPERM}); for {@code EPERM} and {@code EACCES} they go on to say
 * which privilege the process lacks, or that it lacks none. The errno value itself is available
 * from {@link #errno()}.
 */
public abstract sealed class BpfException extends RuntimeException
        permits BpfOpenException, BpfLoadException, BpfAttachException, BpfMapException, BpfProgramException,
                LibbpfUnavailableException {
    private final int errno;

    BpfException(String message, int errno) {
        this(message, errno, null);
    }

    /**
     * @param needs what the operation needs from the process, to explain {@code EPERM} and
     *              {@code EACCES}; {@code null} where privileges play no part
     */
    BpfException(String message, int errno, PrivilegeNeeds needs) {
        super(message(message, errno, needs));
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

    private static String message(String message, int errno, PrivilegeNeeds needs) {
        if (errno <= 0) {
            return message;
        }
        String text = message + ": " + Errno.name(errno) + " (" + Errno.description(errno) + ")";
        boolean refused = errno == Errno.EPERM || errno == Errno.EACCES;
        return refused && needs != null ? text + "; " + PrivilegeHint.explain(needs, ProcessPrivileges.current()) : text;
    }
}
