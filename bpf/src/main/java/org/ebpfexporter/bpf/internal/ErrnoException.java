package org.ebpfexporter.bpf.internal;

/**
 * A libbpf or C library call failed with an errno. Checked, so that every public class that calls
 * the glue turns it into its own {@code BpfException}, with the object and operation named.
 */
public final class ErrnoException extends Exception {
    private final int errno;

    /** @param errno the positive errno the call reported */
    public ErrnoException(int errno) {
        super("errno " + errno, null, false, false);
        this.errno = errno;
    }

    /** The positive errno. */
    public int errno() {
        return errno;
    }
}
