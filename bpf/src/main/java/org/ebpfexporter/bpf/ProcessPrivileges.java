package org.ebpfexporter.bpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What the kernel weighs when it refuses a BPF call with {@code EPERM} or {@code EACCES}, read for
 * this process when such a failure is reported. Every field falls back to "unknown" when its file
 * cannot be read, so reading never fails.
 *
 * @param effective               the effective capabilities, or empty when unknown
 * @param uid                     the effective user id, or -1 when unknown
 * @param kernelRelease           the kernel release ({@code uname -r}), or {@code ""} when unknown
 * @param unprivilegedBpfDisabled {@code kernel.unprivileged_bpf_disabled}, or -1 when unknown
 * @param lockdown                the active kernel lockdown mode ({@code none}, {@code integrity},
 *                                {@code confidentiality}), or {@code ""} when unknown (no securityfs)
 * @param memlockUnlimited        whether the hard {@code RLIMIT_MEMLOCK} is unlimited, so that libbpf
 *                                may lift the soft one without {@code CAP_SYS_RESOURCE}
 */
record ProcessPrivileges(Optional<Set<Capability>> effective, int uid, String kernelRelease,
                         int unprivilegedBpfDisabled, String lockdown, boolean memlockUnlimited) {
    // The calling thread's view: capabilities are per thread, and the failed call ran on this one.
    private static final Path STATUS = Path.of("/proc/thread-self/status");
    private static final Path LIMITS = Path.of("/proc/self/limits");
    private static final Path OSRELEASE = Path.of("/proc/sys/kernel/osrelease");
    private static final Path UNPRIVILEGED_BPF_DISABLED = Path.of("/proc/sys/kernel/unprivileged_bpf_disabled");
    private static final Path LOCKDOWN = Path.of("/sys/kernel/security/lockdown");

    /** This process as it is now. */
    static ProcessPrivileges current() {
        String status = read(STATUS);
        String unprivileged = read(UNPRIVILEGED_BPF_DISABLED).strip();
        return new ProcessPrivileges(capabilities(status), uid(status), read(OSRELEASE).strip(),
                unprivileged.matches("\\d+") ? Integer.parseInt(unprivileged) : -1,
                lockdownMode(read(LOCKDOWN)), memlockUnlimited(read(LIMITS)));
    }

    /**
     * Whether the kernel grants what {@code capability} guards. For BPF calls CAP_SYS_ADMIN still
     * grants what CAP_BPF and CAP_PERFMON (split off it in 5.8) and CAP_NET_ADMIN guard.
     */
    boolean has(Capability capability) {
        Set<Capability> held = effective.orElse(Set.of());
        return held.contains(capability)
                || (held.contains(Capability.CAP_SYS_ADMIN) && capability != Capability.CAP_SYS_RESOURCE);
    }

    /** Whether the kernel is release {@code major.minor} or newer; an unknown release counts as new. */
    boolean kernelAtLeast(int major, int minor) {
        String[] parts = kernelRelease.split("[.-]");
        if (parts.length < 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
            return true;
        }
        int actualMajor = Integer.parseInt(parts[0]);
        return actualMajor > major || (actualMajor == major && Integer.parseInt(parts[1]) >= minor);
    }

    /** The {@code CapEff} line of a {@code /proc/PID/status} text. */
    static Optional<Set<Capability>> capabilities(String status) {
        return field(status, "CapEff:").filter(hex -> hex.matches("[0-9a-fA-F]{1,16}"))
                .map(hex -> Capability.inMask(Long.parseUnsignedLong(hex, 16)));
    }

    /** The effective uid of a {@code /proc/PID/status} text (its second {@code Uid:} field), or -1. */
    static int uid(String status) {
        return field(status, "Uid:").map(ids -> ids.split("\\s+")).filter(ids -> ids.length > 1 && ids[1].matches("\\d+"))
                .map(ids -> Integer.parseInt(ids[1])).orElse(-1);
    }

    /** The bracketed mode of {@code /sys/kernel/security/lockdown}: {@code none [integrity] confidentiality}. */
    static String lockdownMode(String text) {
        int open = text.indexOf('[');
        int close = text.indexOf(']', open + 1);
        return open >= 0 && close > open ? text.substring(open + 1, close) : "";
    }

    /** Whether the hard limit of "Max locked memory" in a {@code /proc/PID/limits} text is unlimited. */
    static boolean memlockUnlimited(String limits) {
        String prefix = "Max locked memory";
        return limits.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip().split("\\s+"))
                .anyMatch(fields -> fields.length > 1 && fields[1].equals("unlimited"));
    }

    private static Optional<String> field(String status, String name) {
        return status.lines().filter(line -> line.startsWith(name))
                .map(line -> line.substring(name.length()).strip()).findFirst();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | SecurityException e) {
            return ""; // unknown: the explanation then says less, it is never wrong
        }
    }
}
