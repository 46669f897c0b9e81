package org.ebpfexporter.exporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The HotSpot JVM whose {@code hotspot} USDT probes the programs in plain {@code SEC("usdt")}
 * sections attach to, and the identity handed to programs that declare the
 * {@code ebpf_exporter_pid} globals (see {@link HostIdentity}).
 *
 * @param libjvm   the JVM's {@code libjvm.so}, or {@code null} when there is no target: such
 *                 programs are then left unattached
 * @param pid      the process the probes are attached in (in this process's pid namespace)
 * @param identity what programs that declare the host globals are given
 */
public record JvmTarget(Path libjvm, int pid, HostIdentity identity) {
    /** The USDT provider of HotSpot's probes. */
    public static final String PROVIDER = "hotspot";

    /** No JVM: usdt programs are skipped; programs get this process's identity. */
    public static JvmTarget none() {
        return new JvmTarget(null, 0, HostIdentity.current());
    }

    /**
     * This very JVM, as when running as an agent inside the application.
     *
     * @throws IllegalStateException when {@code /proc/self/maps} shows no {@code libjvm.so}
     */
    public static JvmTarget self() {
        HostIdentity identity = HostIdentity.current();
        return new JvmTarget(libjvmOf("self"), (int) identity.pid(), identity);
    }

    /**
     * Another JVM, as the daemon's {@code --jvm.pid} selects it: its probes, and its identity for
     * programs that filter by process.
     *
     * @param pid    the JVM's process id
     * @param libjvm its {@code libjvm.so}, or {@code null} to find it in {@code /proc/PID/maps}
     */
    public static JvmTarget of(int pid, Path libjvm) {
        Path library = libjvm != null ? libjvm : libjvmOf(Integer.toString(pid));
        return new JvmTarget(library, pid, HostIdentity.of(pid));
    }

    /** Whether there is a JVM to attach usdt programs to. */
    public boolean present() {
        return libjvm != null;
    }

    static Path libjvmOf(String process) {
        Path maps = Path.of("/proc", process, "maps");
        try (Stream<String> lines = Files.lines(maps)) {
            Optional<String> path = lines.map(JvmTarget::mappedFile)
                    .filter(file -> file.endsWith("/libjvm.so")).findFirst();
            Path file = Path.of(path.orElseThrow(() -> new IllegalStateException(maps + " maps no libjvm.so")));
            // Another process may see another mount namespace: go through its root.
            return process.equals("self") ? file : Path.of("/proc", process, "root").resolve(file.toString().substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + maps, e);
        }
    }

    private static String mappedFile(String line) {
        List<String> fields = List.of(line.strip().split("\\s+", 6));
        return fields.size() == 6 ? fields.get(5) : "";
    }
}
