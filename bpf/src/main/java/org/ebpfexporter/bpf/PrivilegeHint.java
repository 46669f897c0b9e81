package org.ebpfexporter.bpf;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Explains an {@code EPERM} or {@code EACCES} in one line: which capability the process lacks and
 * how to grant it, which file it cannot read, or, when the process has every privilege the
 * operation needs, that the refusal has another cause (such as fentry on a kernel without BPF
 * trampolines, which fails with {@code EPERM} even for root). libbpf's own log suggests raising
 * {@code ulimit -l} for every {@code EPERM}; this names only what is actually missing.
 */
final class PrivilegeHint {
    private PrivilegeHint() {}

    /** The explanation for an operation that needs {@code needs}, as {@code process} stands. */
    static String explain(PrivilegeNeeds needs, ProcessPrivileges process) {
        Set<Capability> required = required(needs, process);
        if (process.effective().isEmpty()) {
            return "the process's capabilities are unknown (no /proc/thread-self/status); it needs "
                    + names(required) + ": run as root or grant them";
        }
        List<String> problems = new ArrayList<>();
        Set<Capability> missing = EnumSet.noneOf(Capability.class);
        required.stream().filter(capability -> !process.has(capability)).forEach(missing::add);
        if (!missing.isEmpty()) {
            problems.add(missingCapabilities(missing, required, process));
        }
        needs.file().filter(file -> !Files.isReadable(file.path())).ifPresent(file -> problems.add(
                "the process (uid " + process.uid() + ") cannot read " + file.path() + ": " + file.advice()));
        if (problems.isEmpty()) {
            return "the process has " + names(required) + ", so no privilege is missing: the kernel refused "
                    + needs.refused() + " (" + causes(needs, process) + ")";
        }
        return String.join("; ", problems);
    }

    /** The capabilities to ask for on this kernel. */
    private static Set<Capability> required(PrivilegeNeeds needs, ProcessPrivileges process) {
        Set<Capability> required = EnumSet.noneOf(Capability.class);
        for (Capability capability : needs.capabilities()) {
            boolean splitOff = capability == Capability.CAP_BPF || capability == Capability.CAP_PERFMON;
            required.add(splitOff && !process.kernelAtLeast(5, 8) ? Capability.CAP_SYS_ADMIN : capability);
        }
        if (needs.locksMemory() && !process.kernelAtLeast(5, 11) && !process.memlockUnlimited()) {
            required.add(Capability.CAP_SYS_RESOURCE);
        }
        return required;
    }

    private static String missingCapabilities(Set<Capability> missing, Set<Capability> required,
                                              ProcessPrivileges process) {
        StringBuilder text = new StringBuilder("missing privilege: the process (uid " + process.uid() + ") lacks "
                + names(missing) + "; ");
        text.append(process.uid() == 0
                ? "grant it " + names(required) + " (root is not enough where a container or the capability "
                        + "bounding set drops them)"
                : "run as root, or grant " + names(required)
                        + " (for example systemd's AmbientCapabilities=" + spaced(required) + ")");
        if (!process.kernelAtLeast(5, 8) && required.contains(Capability.CAP_SYS_ADMIN)) {
            text.append("; kernels before 5.8 have no CAP_BPF or CAP_PERFMON");
        }
        if (missing.contains(Capability.CAP_SYS_RESOURCE)) {
            text.append("; CAP_SYS_RESOURCE lifts RLIMIT_MEMLOCK, which kernels before 5.11 charge BPF memory to"
                    + " (or raise it: ulimit -l unlimited, systemd LimitMEMLOCK=infinity)");
        }
        boolean lacksBpf = !process.has(process.kernelAtLeast(5, 8) ? Capability.CAP_BPF : Capability.CAP_SYS_ADMIN);
        if (lacksBpf && process.unprivilegedBpfDisabled() > 0) {
            text.append("; kernel.unprivileged_bpf_disabled=").append(process.unprivilegedBpfDisabled())
                    .append(" refuses BPF to processes without CAP_BPF");
        }
        return text.toString();
    }

    /** The other causes, with the lockdown mode when the kernel shows it. */
    private static String causes(PrivilegeNeeds needs, ProcessPrivileges process) {
        List<String> causes = new ArrayList<>();
        for (String cause : needs.causes()) {
            if (!cause.equals(PrivilegeNeeds.LOCKDOWN) || process.lockdown().isEmpty()) {
                causes.add(cause);
            } else if (!process.lockdown().equals("none")) {
                causes.addFirst("kernel lockdown (" + process.lockdown() + ")");
            }
        }
        if (causes.isEmpty()) {
            return "a cause it does not report";
        }
        return causes.size() == 1 ? causes.getFirst()
                : String.join(", ", causes.subList(0, causes.size() - 1)) + " or " + causes.getLast();
    }

    private static String names(Set<Capability> capabilities) {
        List<String> names = capabilities.stream().map(Capability::name).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String spaced(Set<Capability> capabilities) {
        return capabilities.stream().map(Capability::name).collect(Collectors.joining(" "));
    }
}
