package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one-line explanation of EPERM and EACCES, for processes with and without the privileges. */
class PrivilegeHintTest {
    private static final int TRACING = 26;
    private static final int TRACEPOINT = 5;
    private static final int XDP = 6;
    private static final Set<Capability> ROOT = EnumSet.of(Capability.CAP_BPF, Capability.CAP_PERFMON,
            Capability.CAP_NET_ADMIN, Capability.CAP_SYS_ADMIN);
    private static final PrivilegeNeeds LOAD_TRACING = PrivilegeNeeds.toLoad(List.of(TRACING), List.of(MapType.HASH));

    @Test
    void rootIsNotBlamedForWhatTheKernelRefuses() {
        // fentry where the kernel has no BPF trampolines: EPERM even as root.
        assertEquals("the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the kernel refused the "
                        + "program (lockdown, an unsupported program type or the verifier)",
                PrivilegeHint.explain(LOAD_TRACING, process(ROOT, 0, "6.18.44", 2, "", false)));
    }

    @Test
    void aKnownLockdownModeIsNamedFirstAndNoneIsLeftOut() {
        assertEquals("the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the kernel refused the "
                        + "program (kernel lockdown (integrity), an unsupported program type or the verifier)",
                PrivilegeHint.explain(LOAD_TRACING, process(ROOT, 0, "6.1.0", 2, "integrity", false)));
        assertEquals("the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the kernel refused the "
                        + "program (an unsupported program type or the verifier)",
                PrivilegeHint.explain(LOAD_TRACING, process(ROOT, 0, "6.1.0", 2, "none", false)));
    }

    @Test
    void anUnprivilegedUserIsToldWhatToGrant() {
        assertEquals("missing privilege: the process (uid 65534) lacks CAP_BPF and CAP_PERFMON; run as root, or grant "
                        + "CAP_BPF and CAP_PERFMON (for example systemd's AmbientCapabilities=CAP_BPF CAP_PERFMON); "
                        + "kernel.unprivileged_bpf_disabled=2 refuses BPF to processes without CAP_BPF",
                PrivilegeHint.explain(LOAD_TRACING, process(Set.of(), 65534, "6.18.44", 2, "", false)));
    }

    @Test
    void rootWithoutACapabilityIsToldWhichOne() {
        Set<Capability> noPerfmon = EnumSet.of(Capability.CAP_BPF, Capability.CAP_NET_ADMIN);
        assertEquals("missing privilege: the process (uid 0) lacks CAP_PERFMON; grant it CAP_BPF and CAP_PERFMON (root "
                        + "is not enough where a container or the capability bounding set drops them)",
                PrivilegeHint.explain(LOAD_TRACING, process(noPerfmon, 0, "6.18.44", 0, "", false)));
    }

    @Test
    void xdpNeedsNetAdmin() {
        PrivilegeNeeds loadXdp = PrivilegeNeeds.toLoad(List.of(XDP), List.of(MapType.ARRAY));
        Set<Capability> bpfOnly = EnumSet.of(Capability.CAP_BPF, Capability.CAP_PERFMON);
        assertEquals("missing privilege: the process (uid 1000) lacks CAP_NET_ADMIN; run as root, or grant CAP_BPF and "
                        + "CAP_NET_ADMIN (for example systemd's AmbientCapabilities=CAP_BPF CAP_NET_ADMIN)",
                PrivilegeHint.explain(loadXdp, process(bpfOnly, 1000, "6.1.0", 2, "", false)));
    }

    @Test
    void memlockMattersOnlyBefore5Point11AndOnlyWhenLimited() {
        Set<Capability> bpfAndPerfmon = EnumSet.of(Capability.CAP_BPF, Capability.CAP_PERFMON);
        assertEquals("missing privilege: the process (uid 1000) lacks CAP_SYS_RESOURCE; run as root, or grant CAP_BPF, "
                        + "CAP_PERFMON and CAP_SYS_RESOURCE (for example systemd's AmbientCapabilities=CAP_BPF "
                        + "CAP_PERFMON CAP_SYS_RESOURCE); CAP_SYS_RESOURCE lifts RLIMIT_MEMLOCK, which kernels before "
                        + "5.11 charge BPF memory to (or raise it: ulimit -l unlimited, systemd LimitMEMLOCK=infinity)",
                PrivilegeHint.explain(LOAD_TRACING, process(bpfAndPerfmon, 1000, "5.10.0", 0, "", false)));
        assertEquals("the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the kernel refused the "
                        + "program (lockdown, an unsupported program type or the verifier)",
                PrivilegeHint.explain(LOAD_TRACING, process(bpfAndPerfmon, 1000, "5.10.0", 0, "", true)));
        assertEquals("the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the kernel refused the "
                        + "program (lockdown, an unsupported program type or the verifier)",
                PrivilegeHint.explain(LOAD_TRACING, process(bpfAndPerfmon, 1000, "5.11.0", 0, "", false)));
    }

    @Test
    void kernelsBefore5Point8NeedSysAdmin() {
        assertEquals("missing privilege: the process (uid 1000) lacks CAP_SYS_RESOURCE and CAP_SYS_ADMIN; run as root, "
                        + "or grant CAP_SYS_RESOURCE and CAP_SYS_ADMIN (for example systemd's "
                        + "AmbientCapabilities=CAP_SYS_RESOURCE CAP_SYS_ADMIN); kernels before 5.8 have no CAP_BPF or "
                        + "CAP_PERFMON; CAP_SYS_RESOURCE lifts RLIMIT_MEMLOCK, which kernels before 5.11 charge BPF "
                        + "memory to (or raise it: ulimit -l unlimited, systemd LimitMEMLOCK=infinity); "
                        + "kernel.unprivileged_bpf_disabled=1 refuses BPF to processes without CAP_BPF",
                PrivilegeHint.explain(LOAD_TRACING, process(Set.of(), 1000, "5.4.0-150-generic", 1, "", false)));
    }

    @Test
    void anUnreadableTracepointIdNamesTheFileAndNoCapability() {
        PrivilegeNeeds attach = PrivilegeNeeds.toAttach(TRACEPOINT, "tracepoint/ebpfx_no_such/category", null);
        Path id = attach.file().orElseThrow().path();
        assertEquals(Path.of("events", "ebpfx_no_such", "category", "id"), id.subpath(id.getNameCount() - 4,
                id.getNameCount()));
        assertEquals("the process (uid 65534) cannot read " + id + ": tracepoint/ programs need tracefs mounted and "
                        + "readable: run as root, or mount tracefs readable by this user (mount options uid=, gid=)",
                PrivilegeHint.explain(attach, process(EnumSet.of(Capability.CAP_BPF, Capability.CAP_PERFMON), 65534,
                        "6.18.44", 2, "", false)));
    }

    @Test
    void attachingAReadableHookWithEveryPrivilegeBlamesTheHook() {
        PrivilegeNeeds attach = PrivilegeNeeds.toAttach(TRACING, "fentry/do_nanosleep", null);
        assertEquals("the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the kernel refused the "
                        + "attachment (lockdown or an unsupported hook)",
                PrivilegeHint.explain(attach, process(ROOT, 0, "6.18.44", 2, "", false)));
    }

    @Test
    void unknownCapabilitiesAreSaidToBeUnknown() {
        assertEquals("the process's capabilities are unknown (no /proc/thread-self/status); it needs CAP_BPF and "
                        + "CAP_PERFMON: run as root or grant them",
                PrivilegeHint.explain(LOAD_TRACING, new ProcessPrivileges(Optional.empty(), -1, "", -1, "", false)));
    }

    private static ProcessPrivileges process(Set<Capability> effective, int uid, String release, int unprivileged,
                                             String lockdown, boolean memlockUnlimited) {
        return new ProcessPrivileges(Optional.of(effective), uid, release, unprivileged, lockdown, memlockUnlimited);
    }
}
