package org.ebpfexporter.exporter.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.JvmTarget;

/**
 * A child JVM running the {@code JvmWorkload.java} test resource by source launch: started, it
 * prints "ready" and waits; {@link #runWorkload} lets it do its work. Closing destroys it.
 */
final class ChildJvm implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = process.outputWriter(StandardCharsets.UTF_8);
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> stdout.lines().forEach(lines::add));
    }

    /**
     * Starts the workload and waits until it is ready, by then its {@code libjvm.so} is mapped.
     *
     * @param java    the {@code java} executable
     * @param options JVM options
     * @param threads how many threads the workload starts
     */
    static ChildJvm start(Path java, List<String> options, int threads) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(List.of(workload().toString(), Integer.toString(threads)));
        ChildJvm child = new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        try {
            child.await("ready");
        } catch (RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
        return child;
    }

    /** The exporter's options to watch this JVM: its probes, and its identity for the pid filters. */
    ExporterOptions options() {
        return ExporterOptions.DEFAULTS.withJvm(JvmTarget.of((int) process.pid(), null));
    }

    /** The child's process id, as a label value. */
    String pid() {
        return Long.toString(process.pid());
    }

    /** Lets the workload run and waits until it is done. */
    void runWorkload() throws IOException, InterruptedException {
        stdin.write("go\n");
        stdin.flush();
        await("done");
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no \"" + prefix + "\" from the workload, output: " + seen);
    }

    private static Path workload() {
        try {
            return Path.of(ChildJvm.class.getResource("/examples/JvmWorkload.java").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
