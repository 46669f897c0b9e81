package org.ebpfexporter.bpf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one BPF operation needs from the process, as the kernel checks it, so that an {@code EPERM}
 * or {@code EACCES} can be explained by {@link PrivilegeHint}.
 *
 * @param capabilities the capabilities the kernel checks for it (kernel 5.8 or newer)
 * @param locksMemory  whether it creates maps or programs, which kernels before 5.11 charge to
 *                     {@code RLIMIT_MEMLOCK}
 * @param file         a file it must read, such as a tracepoint's id in tracefs
 * @param refused      what the kernel refused, for when nothing is missing: {@code "the program"}
 * @param causes       what else refuses it, in that case; {@code "lockdown"} is replaced by the
 *                     kernel's lockdown mode when known
 */
record PrivilegeNeeds(Set<Capability> capabilities, boolean locksMemory, Optional<RequiredFile> file,
                      String refused, List<String> causes) {
    static final String LOCKDOWN = "lockdown";

    /**
     * A file the operation reads.
     *
     * @param path   the file
     * @param advice how to make it readable
     */
    record RequiredFile(Path path, String advice) {}

    // enum bpf_prog_type values the kernel's is_perfmon_prog_type() and is_net_admin_prog_type() list.
    private static final Set<Integer> PERFMON_PROGRAM_TYPES = Set.of(
            2 /* KPROBE */, 5 /* TRACEPOINT */, 7 /* PERF_EVENT */, 17 /* RAW_TRACEPOINT */,
            24 /* RAW_TRACEPOINT_WRITABLE */, 26 /* TRACING */, 27 /* STRUCT_OPS */, 28 /* EXT */, 29 /* LSM */);
    private static final Set<Integer> NET_ADMIN_PROGRAM_TYPES = Set.of(
            3 /* SCHED_CLS */, 4 /* SCHED_ACT */, 6 /* XDP */, 9 /* CGROUP_SOCK */, 10 /* LWT_IN */,
            11 /* LWT_OUT */, 12 /* LWT_XMIT */, 13 /* SOCK_OPS */, 14 /* SK_SKB */, 15 /* CGROUP_DEVICE */,
            16 /* SK_MSG */, 18 /* CGROUP_SOCK_ADDR */, 19 /* LWT_SEG6LOCAL */, 22 /* FLOW_DISSECTOR */,
            23 /* CGROUP_SYSCTL */, 25 /* CGROUP_SOCKOPT */, 28 /* EXT */, 32 /* NETFILTER */);
    private static final Set<MapType> NET_ADMIN_MAP_TYPES = EnumSet.of(
            MapType.DEVMAP, MapType.DEVMAP_HASH, MapType.SOCKMAP, MapType.SOCKHASH, MapType.XSKMAP);
    private static final List<String> TRACEFS_ROOTS = List.of("/sys/kernel/tracing", "/sys/kernel/debug/tracing");
    private static final String TRACEFS_ADVICE = "tracepoint/ programs need tracefs mounted and readable: run as "
            + "root, or mount tracefs readable by this user (mount options uid=, gid=)";

    /** Loading an object: every map and program, with the verifier's checks. */
    static PrivilegeNeeds toLoad(Collection<Integer> programTypes, Collection<MapType> mapTypes) {
        Set<Capability> needed = EnumSet.of(Capability.CAP_BPF);
        programTypes.forEach(type -> needed.addAll(programTypeNeeds(type)));
        if (mapTypes.stream().anyMatch(NET_ADMIN_MAP_TYPES::contains)) {
            needed.add(Capability.CAP_NET_ADMIN);
        }
        return new PrivilegeNeeds(needed, true, Optional.empty(), "the program",
                List.of(LOCKDOWN, "an unsupported program type", "the verifier"));
    }

    /**
     * Attaching a loaded program to its hook.
     *
     * @param binary the binary a uprobe or USDT probe reads, or {@code null}
     */
    static PrivilegeNeeds toAttach(int programType, String section, Path binary) {
        Optional<RequiredFile> file = tracepointIdFile(section)
                .or(() -> Optional.ofNullable(binary).map(path -> new RequiredFile(path,
                        "run as root, or make the binary readable by this user")));
        Set<Capability> needed = EnumSet.of(Capability.CAP_BPF);
        needed.addAll(programTypeNeeds(programType));
        return new PrivilegeNeeds(needed, false, file, "the attachment", List.of(LOCKDOWN, "an unsupported hook"));
    }

    /** Opening a perf event on every CPU, for all processes. */
    static PrivilegeNeeds toOpenPerfEvents() {
        return new PrivilegeNeeds(EnumSet.of(Capability.CAP_PERFMON), false, Optional.empty(), "the perf event",
                List.of("kernel.perf_event_paranoid", "an event this machine lacks"));
    }

    /** Listing every loaded program by id, which the kernel allows only with CAP_SYS_ADMIN. */
    static PrivilegeNeeds toListPrograms() {
        return new PrivilegeNeeds(EnumSet.of(Capability.CAP_SYS_ADMIN), false, Optional.empty(), "the request",
                List.of(LOCKDOWN, "a security module"));
    }

    /** The same needs, refused by other causes than the usual ones. */
    PrivilegeNeeds refusedBy(List<String> otherCauses) {
        return new PrivilegeNeeds(capabilities, locksMemory, file, refused, List.copyOf(otherCauses));
    }

    private static Set<Capability> programTypeNeeds(int type) {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        if (PERFMON_PROGRAM_TYPES.contains(type)) {
            needed.add(Capability.CAP_PERFMON);
        }
        if (NET_ADMIN_PROGRAM_TYPES.contains(type)) {
            needed.add(Capability.CAP_NET_ADMIN);
        }
        return needed;
    }

    /** libbpf reads a tracepoint's id from tracefs, where it is mounted, else under debugfs. */
    private static Optional<RequiredFile> tracepointIdFile(String section) {
        String[] parts = section.split("/");
        if (parts.length != 3 || !(parts[0].equals("tracepoint") || parts[0].equals("tp"))) {
            return Optional.empty();
        }
        String root = TRACEFS_ROOTS.stream().filter(dir -> Files.exists(Path.of(dir))).findFirst()
                .orElse(TRACEFS_ROOTS.getFirst());
        return Optional.of(new RequiredFile(Path.of(root, "events", parts[1], parts[2], "id"), TRACEFS_ADVICE));
    }
}
