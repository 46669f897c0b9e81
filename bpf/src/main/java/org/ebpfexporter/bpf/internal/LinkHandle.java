package org.ebpfexporter.bpf.internal;

import java.lang.foreign.MemorySegment;
import org.ebpfexporter.bpf.internal.binding.LibbpfBinding;

/** A libbpf {@code struct bpf_link}: one attachment of a program. */
public final class LinkHandle {
    private final MemorySegment link;

    LinkHandle(MemorySegment link) {
        this.link = link;
    }

    /**
     * Detaches the program and frees the link (libbpf frees it whatever the detach reports); call once.
     *
     * @return 0, or libbpf's negative error code of the detach
     */
    public int destroy() {
        return LibbpfBinding.bpf_link__destroy(link);
    }
}
