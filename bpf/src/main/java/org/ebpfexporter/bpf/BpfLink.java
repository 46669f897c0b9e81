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

    /** Detaches the program. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            destroyAll(links);
        }
    }

    static void destroyAll(List<LinkHandle> links) {
        links.reversed().forEach(LinkHandle::destroy);
    }
}
