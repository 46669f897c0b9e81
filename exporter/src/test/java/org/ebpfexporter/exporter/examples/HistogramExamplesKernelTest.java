package org.ebpfexporter.exporter.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The histogram examples, and the counters whose examples need a specific workload (per-CPU
 * softirqs, TCP retransmits): each is loaded by the exporter, a workload causes its events, and its
 * series appear with plausible values. The examples count machine-wide, so values are lower bounds.
 */
@KernelTest
class HistogramExamplesKernelTest {
    @TempDir
    Path dir;

    @Test
    void biolatencyMeasuresDirectWritesToTheDisk() throws Exception {
        // Under target/ rather than the temporary directory, which may be a tmpfs without a disk.
        Path file = Files.createTempFile(Path.of("target"), "biolatency", ".data");
        try (ExampleRun run = new ExampleRun("biolatency")) {
            // O_DIRECT bypasses the page cache: 32 writes of 64 KiB reach the disk as they are made.
            command("dd", "if=/dev/zero", "of=" + file, "bs=64k", "count=32", "oflag=direct", "conv=fsync");
            String key = BlockDevices.diskOf(file) + ",write";
            ServedHistogram latency = run.histograms("ebpf_exporter_bio_latency_seconds").get(key);
            ServedHistogram size = run.histograms("ebpf_exporter_bio_size_bytes").get(key);
            assertTrue(latency != null && size != null, run.histograms("ebpf_exporter_bio_size_bytes").keySet().toString());
            assertTrue(latency.assertWellFormed().count() >= 1, latency.toString());
            assertTrue(latency.sum() > 0, latency.toString());
            assertTrue(size.assertWellFormed().count() >= 1, size.toString());
            // Requests of up to 64 KiB were made, so at least that many bytes went to the disk.
            assertTrue(size.sum() >= 32 * 65536, size.toString());
            assertEquals(0, run.decoderErrors());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void runqlatMeasuresWakeUpsOfSleepingThreads() throws Exception {
        try (ExampleRun run = new ExampleRun("runqlat")) {
            List<Thread> sleepers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sleepers.add(Thread.ofPlatform().start(() -> sleep(20, 1)));
            }
            for (Thread sleeper : sleepers) {
                sleeper.join();
            }
            ServedHistogram latency = run.histograms("ebpf_exporter_run_queue_latency_seconds").get("");
            assertTrue(latency.assertWellFormed().count() >= 80, latency.toString());
            assertTrue(latency.sum() > 0, latency.toString());
        }
    }

    @Test
    void softirqLatencyMeasuresTimerAndNetworkReceiveSoftirqs() throws Exception {
        try (ExampleRun run = new ExampleRun("softirq-latency")) {
            loopbackTraffic();
            Map<String, ServedHistogram> kinds = run.histograms("ebpf_exporter_softirq_duration_seconds");
            for (String kind : List.of("timer", "net_rx")) {
                ServedHistogram duration = kinds.get(kind);
                assertTrue(duration != null, kind + " missing from " + kinds.keySet());
                assertTrue(duration.assertWellFormed().count() >= 1, duration.toString());
            }
            assertEquals(0, run.decoderErrors());
        }
    }

    @Test
    void percpuSoftirqHasOneSeriesPerPossibleCpu() throws Exception {
        try (ExampleRun run = new ExampleRun("percpu-softirq")) {
            loopbackTraffic();
            Set<String> cpus = IntStream.range(0, possibleCpus()).mapToObj(Integer::toString)
                    .collect(Collectors.toCollection(TreeSet::new));
            Map<String, Map<String, Double>> byKind = run.family("ebpf_exporter_softirqs_total").getDataPoints().stream()
                    .collect(Collectors.groupingBy(p -> p.getLabels().get("kind"),
                            Collectors.toMap(p -> p.getLabels().get("cpu"), HistogramExamplesKernelTest::value)));
            for (String kind : List.of("timer", "net_rx")) {
                Map<String, Double> perCpu = byKind.get(kind);
                assertTrue(perCpu != null, kind + " missing from " + byKind.keySet());
                assertEquals(cpus, perCpu.keySet(), kind);
                assertTrue(perCpu.values().stream().mapToDouble(Double::doubleValue).sum() >= 1, perCpu.toString());
            }
            byKind.forEach((kind, perCpu) -> assertEquals(cpus, perCpu.keySet(), kind));
        }
    }

    @Test
    void readSizesSortsReadsIntoTheFixedBuckets() throws Exception {
        Path file = dir.resolve("data");
        Files.write(file, new byte[1 << 20]);
        try (ExampleRun run = new ExampleRun("read-sizes")) {
            command("dd", "if=" + file, "of=/dev/null", "bs=4096", "count=200");
            command("dd", "if=" + file, "of=/dev/null", "bs=16384", "count=50");
            ServedHistogram sizes = run.histograms("ebpf_exporter_read_size_bytes").get("").assertWellFormed();
            assertTrue(sizes.bucket("4096") - sizes.bucket("512") >= 200, sizes.toString());
            assertTrue(sizes.bucket("16384") - sizes.bucket("4096") >= 50, sizes.toString());
            assertTrue(sizes.sum() >= 200 * 4096 + 50 * 16384, sizes.toString());
        }
    }

    @Test
    void pageAllocOrderCountsAllocations() throws Exception {
        try (ExampleRun run = new ExampleRun("page-alloc-order")) {
            // A fresh process faults in its pages, each an order-0 allocation.
            command("/bin/sh", "-c", "head -c 20000000 /dev/zero | tail -c 1 >/dev/null");
            ServedHistogram orders = run.histograms("ebpf_exporter_page_alloc_order").get("").assertWellFormed();
            assertTrue(orders.bucket("0") >= 100, orders.toString());
            assertEquals(11 + 1, orders.buckets().size(), "orders 0 to 10 and +Inf: " + orders);
        }
    }

    @Test
    void tcpRetransmitsCountsSynRetransmitsToAFullListenQueue() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<AutoCloseable> sockets = new ArrayList<>();
        try (ExampleRun run = new ExampleRun("tcp-retransmits");
                ServerSocket server = new ServerSocket(0, 1, loopback)) {
            // Never accepted: once the accept queue is full the kernel drops further SYNs, and the
            // clients retransmit theirs after the initial retransmission timeout of one second.
            InetSocketAddress address = new InetSocketAddress(loopback, server.getLocalPort());
            for (int i = 0; i < 6; i++) {
                SocketChannel client = SocketChannel.open();
                sockets.add(client);
                client.configureBlocking(false);
                client.connect(address);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            double retransmits = 0;
            while (retransmits < 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                retransmits = value(run.series("ebpf_exporter_tcp_retransmits_total").get("127.0.0.1,syn_sent"));
            }
            assertTrue(retransmits >= 1, run.series("ebpf_exporter_tcp_retransmits_total").toString());
            assertEquals(0, run.decoderErrors());
        } finally {
            for (AutoCloseable socket : sockets) {
                socket.close();
            }
        }
    }

    /** UDP datagrams and a TCP exchange over loopback: net_rx softirqs, and timers TCP arms. */
    private static void loopbackTraffic() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket receiver = new DatagramSocket(0, loopback); DatagramSocket sender = new DatagramSocket()) {
            for (int i = 0; i < 50; i++) {
                sender.send(new DatagramPacket(new byte[64], 64, loopback, receiver.getLocalPort()));
                receiver.receive(new DatagramPacket(new byte[64], 64));
            }
        }
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket client = new Socket(loopback, server.getLocalPort());
                Socket accepted = server.accept()) {
            OutputStream out = client.getOutputStream();
            InputStream in = accepted.getInputStream();
            for (int i = 0; i < 50; i++) {
                out.write(i);
                assertEquals(i, in.read());
            }
        }
        sleep(100, 5); // lets timers expire
    }

    private static void sleep(int times, int millis) {
        try {
            for (int i = 0; i < times; i++) {
                Thread.sleep(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void command(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
            assertEquals(0, process.exitValue(), String.join(" ", command));
        } finally {
            process.destroyForcibly();
        }
    }

    private static int possibleCpus() throws IOException {
        // "0-1" or "0": the highest CPU number plus one
        String possible = Files.readString(Path.of("/sys/devices/system/cpu/possible")).strip();
        return Integer.parseInt(possible.substring(possible.lastIndexOf('-') + 1)) + 1;
    }

    private static double value(DataPointSnapshot point) {
        return point == null ? 0 : ((CounterDataPointSnapshot) point).getValue();
    }
}
