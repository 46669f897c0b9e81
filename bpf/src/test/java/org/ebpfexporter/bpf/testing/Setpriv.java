package org.ebpfexporter.bpf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command with fewer privileges, through util-linux's {@code setpriv(1)}: as user
 * {@code nobody} with no capability or only some, or as root without some capabilities. The
 * capabilities are named as setpriv spells them: {@code bpf}, {@code perfmon}, {@code net_admin}.
 */
public final class Setpriv {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final long TIMEOUT_SECONDS = 60;

    /** What the command did: its exit status and its output, stderr included. */
    public record Run(int status, String output) {
        /** The output lines starting with {@code prefix}. */
        public List<String> linesStartingWith(String prefix) {
            return output.lines().filter(line -> line.startsWith(prefix)).toList();
        }
    }

    private Setpriv() {}

    /** User nobody without any capability, none inheritable, an empty bounding set. */
    public static List<String> nobody() {
        return List.of("--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all");
    }

    /** User nobody with only these capabilities, kept across exec as ambient ones. */
    public static List<String> nobodyWith(String... capabilities) {
        String list = String.join(",", Stream.of(capabilities).map(c -> "+" + c).toList());
        return List.of("--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=" + list,
                "--ambient-caps=" + list);
    }

    /** Root without these capabilities: dropped from the inheritable and the bounding set. */
    public static List<String> rootWithout(String... capabilities) {
        String list = String.join(",", Stream.of(capabilities).map(c -> "-" + c).toList());
        return List.of("--inh-caps=" + list, "--bounding-set=" + list);
    }

    /** Runs {@code command} under setpriv with {@code options}, in {@code /}, and waits for it. */
    public static Run run(List<String> options, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(SETPRIV.toString()));
        full.addAll(options);
        full.addAll(command);
        Process process = new ProcessBuilder(full).directory(Path.of("/").toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no exit within " + TIMEOUT_SECONDS + " s: " + full);
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /**
     * Copies files and directory trees into {@code dir} and lets everyone read them there, so that
     * a process running as nobody can, wherever the originals live.
     *
     * @return the copies, in the order given
     */
    public static List<Path> readableCopies(Path dir, Path... sources) throws IOException {
        openForReading(dir);
        List<Path> copies = new ArrayList<>();
        for (Path source : sources) {
            Path copy = dir.resolve(source.getFileName());
            try (Stream<Path> tree = Files.walk(source)) {
                tree.forEach(path -> copyReadable(path, copy.resolve(source.relativize(path).toString())));
            }
            copies.add(copy);
        }
        return copies;
    }

    private static void copyReadable(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
                openForReading(to);
            } else {
                Files.copy(from, to);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets everyone list and enter {@code dir}, such as a test's temporary directory. */
    public static void openForReading(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
