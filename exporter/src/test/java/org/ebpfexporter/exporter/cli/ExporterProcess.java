package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The exporter's {@link Main} in a child JVM with the test class path, its output (stdout and
 * stderr) in a file of the working directory. Closing kills it if it still runs.
 */
final class ExporterProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ExporterProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts the exporter.
     *
     * @param dir     the working directory, where {@code exporter.txt} receives the output
     * @param jvmArgs options of the child JVM
     * @param args    the exporter's flags
     */
    static ExporterProcess start(Path dir, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JdkTools.path("java"), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path output = dir.resolve("exporter.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new ExporterProcess(process, output);
    }

    /** Waits up to a minute until the port accepts connections; fails if the exporter exits first. */
    ExporterProcess awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException e) {
                assertTrue(process.isAlive(), "the exporter exited: " + output());
                Thread.sleep(100);
            }
        }
        throw new AssertionError("port " + port + " never opened: " + output());
    }

    /** Waits up to a minute for the exporter to exit by itself, returning its status. */
    int awaitExit() throws InterruptedException, IOException {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the exporter still runs: " + output());
        return process.exitValue();
    }

    /** Whether the exporter still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the exporter with SIGTERM, returning its status. */
    int stop() throws InterruptedException, IOException {
        process.destroy();
        return awaitExit();
    }

    /** Everything the exporter wrote so far. */
    String output() throws IOException {
        return Files.readString(output);
    }

    /** The lines the exporter wrote, without the JVM's own warnings. */
    List<String> outputLines() throws IOException {
        return output().lines().filter(line -> !line.startsWith("WARNING:")).toList();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
