package org.ebpfexporter.exporter.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The application of the agent's integration tests: starts threads, allocates and does I/O. */
public final class AgentWorkload {
    /** Non-daemon threads the workload starts. */
    static final int THREADS = 13;

    private AgentWorkload() {}

    /** Runs the workload, long enough for a few JFR periods, then prints {@code workload done}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        long allocated = 0;
        for (int i = 0; i < THREADS; i++) {
            Thread thread = new Thread(() -> { }, "workload-" + i);
            thread.start();
            thread.join();
            allocated += new byte[1 << 20].length;
        }
        Path file = Files.createTempFile("agent-workload", ".bin");
        Files.write(file, new byte[1 << 16]);
        Files.delete(file);
        Thread.sleep(2500);
        System.out.println("workload done, allocated " + allocated);
    }
}
