package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.security.auth.module.UnixSystem;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the process's privileges from the texts of /proc and securityfs. */
class ProcessPrivilegesTest {
    private static final String STATUS = """
            Name:\tjava
            Uid:\t1000\t65534\t65534\t65534
            Gid:\t1000\t65534\t65534\t65534
            CapInh:\t0000000000000000
            CapPrm:\t000001fffeffffff
            CapEff:\t000001fffeffffff
            CapBnd:\t000001fffeffffff
            """;

    @Test
    void effectiveCapabilitiesComeFromCapEff() {
        // Every capability but CAP_SYS_RESOURCE (bit 24), as on this project's build machine.
        assertEquals(Optional.of(EnumSet.of(Capability.CAP_BPF, Capability.CAP_PERFMON, Capability.CAP_NET_ADMIN,
                Capability.CAP_SYS_ADMIN)), ProcessPrivileges.capabilities(STATUS));
        assertEquals(Optional.of(Set.of()), ProcessPrivileges.capabilities("CapEff:\t0000000000000000\n"));
        assertEquals(Optional.of(EnumSet.of(Capability.CAP_BPF, Capability.CAP_PERFMON)),
                ProcessPrivileges.capabilities("CapEff:\t000000c000000000\n"));
        assertEquals(Optional.empty(), ProcessPrivileges.capabilities(""));
    }

    @Test
    void uidIsTheEffectiveOne() {
        assertEquals(65534, ProcessPrivileges.uid(STATUS));
        assertEquals(-1, ProcessPrivileges.uid(""));
    }

    @Test
    void lockdownModeIsTheBracketedOne() {
        assertEquals("integrity", ProcessPrivileges.lockdownMode("none [integrity] confidentiality\n"));
        assertEquals("none", ProcessPrivileges.lockdownMode("[none] integrity confidentiality\n"));
        assertEquals("", ProcessPrivileges.lockdownMode(""));
    }

    @Test
    void memlockIsUnlimitedOnlyWhenTheHardLimitIs() {
        String header = "Limit                     Soft Limit           Hard Limit           Units     \n";
        assertFalse(ProcessPrivileges.memlockUnlimited(header
                + "Max locked memory         8388608              8388608              bytes     \n"));
        assertTrue(ProcessPrivileges.memlockUnlimited(header
                + "Max locked memory         8388608              unlimited            bytes     \n"));
        assertFalse(ProcessPrivileges.memlockUnlimited(""));
    }

    @Test
    void kernelReleasesCompareByMajorAndMinor() {
        ProcessPrivileges kernel = privileges("6.18.44-fc-v1045");
        assertTrue(kernel.kernelAtLeast(5, 8));
        assertTrue(kernel.kernelAtLeast(6, 18));
        assertFalse(kernel.kernelAtLeast(6, 19));
        assertFalse(privileges("5.4.0-150-generic").kernelAtLeast(5, 8));
        assertTrue(privileges("").kernelAtLeast(5, 11), "an unknown release counts as new");
    }

    @Test
    void sysAdminGrantsWhatBpfPerfmonAndNetAdminGuardButNotMemlock() {
        ProcessPrivileges admin = new ProcessPrivileges(Optional.of(EnumSet.of(Capability.CAP_SYS_ADMIN)), 0, "6.1.0",
                0, "", false);
        assertTrue(admin.has(Capability.CAP_BPF));
        assertTrue(admin.has(Capability.CAP_PERFMON));
        assertTrue(admin.has(Capability.CAP_NET_ADMIN));
        assertFalse(admin.has(Capability.CAP_SYS_RESOURCE));
    }

    @Test
    void theCurrentProcessIsRead() {
        ProcessPrivileges current = ProcessPrivileges.current();
        assertTrue(current.effective().isPresent(), "/proc/thread-self/status is readable");
        assertEquals(new UnixSystem().getUid(), current.uid());
        assertFalse(current.kernelRelease().isEmpty());
    }

    private static ProcessPrivileges privileges(String release) {
        return new ProcessPrivileges(Optional.of(Set.of()), 1000, release, 0, "", false);
    }
}
