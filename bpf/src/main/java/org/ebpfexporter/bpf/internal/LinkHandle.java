package org.ebpfexporter.bpf.internal;

import java.lang.foreign.MemorySegment;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;

/** A libbpf {@code struct bpf_link}: one attachment of a program. */
public final class LinkHandle {
    private final MemorySegment link;

    LinkHandle(MemorySegment link) {
        this.link = link;
    }

    /** Detaches the program and frees the link; call once. */
    public void destroy() {
        LibbpfBinding.bpf_link__destroy(link);
    }
}
