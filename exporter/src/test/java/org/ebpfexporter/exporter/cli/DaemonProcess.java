package org.ebpfexporter.exporter.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The daemon ({@link Main}) in a child JVM working in a directory, its output in files there:
 * signals sent with {@code kill}, the BPF programs it holds read from its {@code /proc} fdinfo,
 * and the kernel's programs listed with {@code bpftool}. Closing kills it.
 */
final class DaemonProcess implements AutoCloseable {
    private static final Pattern PROG_ID = Pattern.compile("^prog_id:\\s*(\\d+)$", Pattern.MULTILINE);
    private static final Pattern BPFTOOL_ID = Pattern.compile("\"id\":(\\d+)");

    private final Process process;
    private final Path dir;

    private DaemonProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * Starts the daemon.
     *
     * @param dir     its working directory, where {@code stdout.txt} and {@code stderr.txt} go
     * @param jvmArgs options of the child JVM
     * @param args    the daemon's flags
     */
    static DaemonProcess start(Path dir, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        return new DaemonProcess(process, dir);
    }

    long pid() {
        return process.pid();
    }

    /** Sends a signal by name, such as {@code TERM} or {@code HUP}. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -s " + name + " " + pid() + " failed");
        }
    }

    /** Waits for the process to end, failing after the deadline. */
    int awaitExit(Duration deadline) throws InterruptedException, IOException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the daemon did not end within " + deadline + "; stderr: " + stderr());
        }
        return process.exitValue();
    }

    /** Waits until stderr contains a text, failing when the process ends first or after the deadline. */
    void awaitLog(String text, Duration deadline) throws IOException, InterruptedException {
        await(deadline, "\"" + text + "\" in the log",
                () -> readOrEmpty(dir.resolve("stderr.txt")).contains(text) || !process.isAlive());
        if (!stderr().contains(text)) {
            throw new AssertionError("the daemon ended before logging \"" + text + "\": " + stderr());
        }
    }

    /** The ids of the BPF programs the process holds a descriptor of (programs, and links' programs). */
    Set<Integer> programIds() {
        Set<Integer> ids = new TreeSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fdinfo"))) {
            for (Path fd : fds.toList()) {
                Matcher matcher = PROG_ID.matcher(readOrEmpty(fd));
                while (matcher.find()) {
                    ids.add(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (NoSuchFileException e) {
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** The ids of every BPF program loaded in the kernel, as {@code bpftool prog list} shows them. */
    static Set<Integer> loadedProgramIds() throws IOException, InterruptedException {
        Process bpftool = new ProcessBuilder("bpftool", "-j", "prog", "list").redirectErrorStream(true).start();
        String json = new String(bpftool.getInputStream().readAllBytes());
        if (bpftool.waitFor() != 0) {
            throw new AssertionError("bpftool prog list failed: " + json);
        }
        Set<Integer> ids = new TreeSet<>();
        Matcher matcher = BPFTOOL_ID.matcher(json);
        while (matcher.find()) {
            ids.add(Integer.parseInt(matcher.group(1)));
        }
        return ids;
    }

    /** Waits until none of these programs is loaded (the kernel frees them after an RCU grace period). */
    static void awaitUnloaded(Set<Integer> ids) throws InterruptedException {
        await(Duration.ofSeconds(10), "programs " + ids + " unloaded", () -> {
            try {
                Set<Integer> left = loadedProgramIds();
                left.retainAll(ids);
                return left.isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr.txt"));
    }

    /** Lines of stderr other than the JVM's own warnings. */
    List<String> errorLines() throws IOException {
        return stderr().lines().filter(line -> !line.startsWith("WARNING:")).toList();
    }

    /** Polls a condition every 50 ms until it holds, failing after the deadline. */
    static void await(Duration deadline, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A file's text, or nothing when it is gone: a descriptor closed meanwhile, a log not yet written. */
    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
