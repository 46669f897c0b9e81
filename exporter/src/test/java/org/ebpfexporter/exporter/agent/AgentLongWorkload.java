package org.ebpfexporter.exporter.agent;

/**
 * An application that runs long enough to be recorded from outside: prints {@code ready}, then
 * starts a short-lived thread every 50 ms for the number of seconds given as its argument.
 */
public final class AgentLongWorkload {
    private AgentLongWorkload() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        long end = System.nanoTime() + Long.parseLong(args[0]) * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread thread = new Thread(() -> { }, "long-workload");
            thread.start();
            thread.join();
            Thread.sleep(50);
        }
    }
}
