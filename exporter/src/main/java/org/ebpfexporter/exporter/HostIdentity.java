package org.ebpfexporter.exporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ebpfexporter.bpf.BpfObject;

/**
 * The exporter's own process, handed to programs that declare any of these read-only globals, so a
 * config can count only the events of the process the exporter runs in (the application, when it
 * runs as an agent):
 * <ul>
 *   <li>{@code const volatile u32 ebpf_exporter_pid}: the process id as this process sees it;
 *   <li>{@code const volatile u64 ebpf_exporter_pidns_dev} and {@code ebpf_exporter_pidns_ino}:
 *       the device and inode of {@code /proc/self/ns/pid}, the arguments of
 *       {@code bpf_get_ns_current_pid_tgid}, which yields ids in that namespace. Inside a container
 *       the pid namespace differs from the kernel's, so compare with {@code ebpf_exporter_pid}
 *       through that helper rather than {@code bpf_get_current_pid_tgid}.
 * </ul>
 *
 * @param pid         the process id in the exporter's pid namespace
 * @param pidNsDevice {@code st_dev} of {@code /proc/self/ns/pid}
 * @param pidNsInode  {@code st_ino} of {@code /proc/self/ns/pid}
 */
public record HostIdentity(long pid, long pidNsDevice, long pidNsInode) {
    static final String PID = "ebpf_exporter_pid";
    static final String PIDNS_DEV = "ebpf_exporter_pidns_dev";
    static final String PIDNS_INO = "ebpf_exporter_pidns_ino";

    /** This process's identity. */
    public static HostIdentity current() {
        Path namespace = Path.of("/proc/self/ns/pid");
        try {
            return new HostIdentity(ProcessHandle.current().pid(),
                    ((Number) Files.getAttribute(namespace, "unix:dev")).longValue(),
                    ((Number) Files.getAttribute(namespace, "unix:ino")).longValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + namespace, e);
        }
    }

    /**
     * Another process's identity: its id as its own pid namespace sees it (the last
     * {@code NSpid} of {@code /proc/PID/status}) and that namespace.
     */
    public static HostIdentity of(int pid) {
        Path proc = Path.of("/proc", Integer.toString(pid));
        Path namespace = proc.resolve("ns/pid");
        try {
            long innermost = Files.readAllLines(proc.resolve("status")).stream()
                    .filter(line -> line.startsWith("NSpid:"))
                    .map(line -> line.substring(line.lastIndexOf('\t') + 1).strip())
                    .mapToLong(Long::parseLong).findFirst().orElse(pid);
            return new HostIdentity(innermost,
                    ((Number) Files.getAttribute(namespace, "unix:dev")).longValue(),
                    ((Number) Files.getAttribute(namespace, "unix:ino")).longValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read process " + pid + " under " + proc, e);
        }
    }

    /** Writes the identity into whichever of the globals the object declares, before load. */
    void applyTo(BpfObject object) {
        if (object.hasGlobal(PID)) {
            object.setGlobal(PID, pid);
        }
        if (object.hasGlobal(PIDNS_DEV)) {
            object.setGlobal(PIDNS_DEV, pidNsDevice);
        }
        if (object.hasGlobal(PIDNS_INO)) {
            object.setGlobal(PIDNS_INO, pidNsInode);
        }
    }
}
