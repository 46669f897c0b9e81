package org.ebpfexporter.bpf;

import java.util.EnumSet;
import java.util.Set;

/** The Linux capabilities that the kernel checks for BPF calls, with their bit in {@code CapEff}. */
enum Capability {
    // In the order explanations name them.
    CAP_BPF(39),
    CAP_PERFMON(38),
    CAP_NET_ADMIN(12),
    CAP_SYS_RESOURCE(24),
    CAP_SYS_ADMIN(21);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    /** The capabilities of this enum that a mask such as {@code CapEff} of {@code /proc/PID/status} holds. */
    static Set<Capability> inMask(long mask) {
        Set<Capability> held = EnumSet.noneOf(Capability.class);
        for (Capability capability : values()) {
            if ((mask >>> capability.bit & 1) != 0) {
                held.add(capability);
            }
        }
        return held;
    }
}
