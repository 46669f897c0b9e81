package org.ebpfexporter.exporter.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.ebpfexporter.exporter.decoder.CgroupMount;
import org.junit.jupiter.api.Test;

/**
 * The counter examples: each is loaded by the exporter, a workload causes its events, and its
 * series appear with plausible values. The examples count machine-wide, so values are lower bounds.
 */
@KernelTest
class CounterExamplesKernelTest {

    @Test
    void timersCountsKernelTimersByFunction() throws Exception {
        try (ExampleRun run = new ExampleRun("timers")) {
            Thread.sleep(1500);
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_timer_starts_total");
            assertFalse(series.isEmpty());
            assertTrue(series.keySet().stream().anyMatch(f -> !f.startsWith("unknown")), series.keySet().toString());
            assertEquals(0, run.decoderErrors());
        }
    }

    @Test
    void syscallsCountsByName() {
        try (ExampleRun run = new ExampleRun("syscalls")) {
            Syscalls.getppid(100);
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_syscalls_total");
            assertTrue(value(series.get("getppid")) >= 100, series.keySet().toString());
            assertTrue(series.size() > 1, "other processes' syscalls too: " + series.keySet());
        }
    }

    @Test
    void execCountsCommands() throws Exception {
        try (ExampleRun run = new ExampleRun("exec")) {
            for (int i = 0; i < 3; i++) {
                Process process = new ProcessBuilder("/bin/sh", "-c", "exit 0").start();
                assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            }
            Map<String, DataPointSnapshot> all = run.series("ebpf_exporter_execs_total");
            assertTrue(value(all.get("sh")) >= 3, all.keySet().toString());
        }
    }

    @Test
    void xdpCountsLoopbackPacketsByProtocol() throws Exception {
        try (ExampleRun run = new ExampleRun("xdp");
                DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket sender = new DatagramSocket()) {
            for (int i = 0; i < 20; i++) {
                sender.send(new DatagramPacket(new byte[8], 8, InetAddress.getLoopbackAddress(), receiver.getLocalPort()));
                receiver.receive(new DatagramPacket(new byte[16], 16));
            }
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_xdp_packets_total");
            assertTrue(value(series.get("udp")) >= 20, series.toString());
        }
    }

    @Test
    void kfreeSkbCountsDropsOfPacketsToAClosedPort() throws Exception {
        try (ExampleRun run = new ExampleRun("kfree-skb"); DatagramSocket sender = new DatagramSocket()) {
            int closedPort;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            for (int i = 0; i < 10; i++) {
                sender.send(new DatagramPacket(new byte[8], 8, InetAddress.getLoopbackAddress(), closedPort));
            }
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_kfree_skb_drops_total");
            double total = series.values().stream().mapToDouble(CounterExamplesKernelTest::value).sum();
            assertTrue(total >= 10, series.toString());
        }
    }

    @Test
    void udpDropsCountsOverflowsOfAFullReceiveBuffer() throws Exception {
        try (ExampleRun run = new ExampleRun("udp-drops");
                DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket sender = new DatagramSocket()) {
            receiver.setReceiveBufferSize(1); // the kernel's minimum: a few datagrams fill it
            for (int i = 0; i < 200; i++) {
                sender.send(new DatagramPacket(new byte[1000], 1000, InetAddress.getLoopbackAddress(),
                        receiver.getLocalPort()));
            }
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_udp_receive_drops_total");
            assertTrue(value(series.get("ENOMEM," + receiver.getLocalPort())) >= 100, series.toString());
        }
    }

    @Test
    void cgroupCountsSchedulingByCgroupPath() throws Exception {
        Path group = CgroupMount.find(CgroupMount.MOUNTINFO).orElseThrow().resolve("ebpfx-example-" + ProcessHandle.current().pid());
        Files.createDirectory(group);
        try (ExampleRun run = new ExampleRun("cgroup")) {
            Process process = new ProcessBuilder("/bin/sh", "-c", "echo $$ > " + group.resolve("cgroup.procs")
                    + " && for i in 1 2 3 4 5 6 7 8 9 10; do sleep 0.01; done").start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue());
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_cgroup_sched_switches_total");
            assertTrue(value(series.get(group.toString())) >= 10, series.keySet().toString());
        } finally {
            Files.delete(group);
        }
    }

    @Test
    void uprobeMallocCountsCallsByCommand() throws Exception {
        try (ExampleRun run = new ExampleRun("uprobe-malloc")) {
            Process process = new ProcessBuilder("/bin/ls", "-l", "/usr/lib").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_malloc_calls_total");
            assertTrue(value(series.get("ls")) >= 1, series.keySet().toString());
        }
    }

    @Test
    void pageFaultsAreSampledByCommand() throws Exception {
        try (ExampleRun run = new ExampleRun("page-faults")) {
            // A shell that touches a few hundred megabytes of fresh memory faults often enough to be sampled.
            Process process = new ProcessBuilder("/bin/sh", "-c", "head -c 300000000 /dev/zero | tail -c 1 >/dev/null")
                    .start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            Thread.sleep(200);
            Map<String, DataPointSnapshot> series = run.series("ebpf_exporter_page_faults_total");
            double total = series.values().stream().mapToDouble(CounterExamplesKernelTest::value).sum();
            assertTrue(total > 0, series.toString());
        }
    }

    private static double value(DataPointSnapshot point) {
        if (point == null) {
            return 0;
        }
        return switch (point) {
            case CounterDataPointSnapshot counter -> counter.getValue();
            case UnknownDataPointSnapshot unknown -> unknown.getValue();
            default -> throw new AssertionError("not a counter: " + point);
        };
    }
}
