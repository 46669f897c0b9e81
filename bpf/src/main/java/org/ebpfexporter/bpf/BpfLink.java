package org.ebpfexporter.bpf;

import java.util.List;
import org.ebpfexporter.bpf.internal.LinkHandle;

/**
 * An attachment of a program to its hook: one libbpf link, or one per CPU for perf events.
 * Closing detaches it; closing twice does nothing.
 */
public final class BpfLink implements AutoCloseable {
    private final BpfProgram program;
    private final List<LinkHandle> links;
    private boolean closed;

    BpfLink(BpfProgram program, List<LinkHandle> links) {
        this.program = program;
        this.links = List.copyOf(links);
    }

    /** The attached program. */
    public BpfProgram program() {
        return program;
    }

    /** Whether the link is still attached. */
    public synchronized boolean attached() {
        return !closed;
    }

    /**
     * Detaches the program.
     *
     * @throws BpfAttachException when the kernel reports a failure to detach; every link is
     *                            destroyed all the same
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            int errno = destroyAll(links);
            if (errno != 0) {
                throw new BpfAttachException("detaching program " + program.name() + " (" + program.section()
                        + ") of " + program.object().path() + " failed", errno);
            }
        }
    }

    /**
     * Destroys every link, newest first, even when one fails: libbpf frees a link whatever its
     * detach reports.
     *
     * @return the errno of the first failure, or 0
     */
    static int destroyAll(List<LinkHandle> links) {
        int firstErrno = 0;
        for (LinkHandle link : links.reversed()) {
            int result = link.destroy();
            if (result < 0 && firstErrno == 0) {
                firstErrno = -result;
            }
        }
        return firstErrno;
    }
}
