package org.ebpfexporter.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.ebpfexporter.exporter.collector.CounterReader;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.collector.MapTable;
import org.ebpfexporter.exporter.collector.TableLabels;
import org.ebpfexporter.exporter.config.Config;
import org.ebpfexporter.exporter.config.ConfigLoader;
import org.ebpfexporter.exporter.config.ConfigSet;
import org.ebpfexporter.exporter.config.ConfigSource;
import org.ebpfexporter.exporter.config.Counter;
import org.ebpfexporter.exporter.decoder.DecoderRegistry;
import org.ebpfexporter.exporter.decoder.HostFiles;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernel metrics by Java thread: the full name, learned from HotSpot's thread__start probe of this JVM. */
@KernelTest
class JavaThreadKernelTest {
    private static final String CONFIG = "e2e_java_threads";
    private static final String THREAD_NAME = "ebpfx-java-thread-decoder-test";
    private static final int GETPPID_CALLS = 23;

    @TempDir
    Path dir;

    @Test
    void labelsThreadsWithTheirFullJavaName() throws Exception {
        E2eFiles.configDir(dir, CONFIG);
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        ExporterOptions options = ExporterOptions.DEFAULTS.withJvm(JvmTarget.self());
        try (Exporter exporter = Exporter.start(dir, List.of(CONFIG), errors, options)) {
            registry.register(exporter.collector());
            try (MetricsServer server = MetricsServer.start(ListenAddress.parse("127.0.0.1:0"), "/metrics", registry)) {
                CountDownLatch scraped = new CountDownLatch(1);
                Worker worker = Worker.start(THREAD_NAME, GETPPID_CALLS, scraped);
                String named = "ebpf_exporter_e2e_getppid_by_thread_total{thread=\"" + THREAD_NAME + "\"} "
                        + GETPPID_CALLS;
                String metrics = E2eFiles.get(server.port(), "/metrics");
                scraped.countDown();
                worker.join();
                assertTrue(metrics.lines().anyMatch(named::equals), metrics);
                assertTrue(metrics.lines().anyMatch(("ebpf_exporter_decoder_errors_total{config=\"" + CONFIG + "\"} 0")::equals),
                        metrics);

                // Once the thread has stopped its id names no thread: thread__stop forgot its name.
                String unnamed = "ebpf_exporter_e2e_getppid_by_thread_total{thread=\"unknown_thread:" + worker.tid
                        + "\"} " + GETPPID_CALLS;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                do {
                    Thread.sleep(200);
                    metrics = E2eFiles.get(server.port(), "/metrics");
                } while (metrics.lines().noneMatch(unnamed::equals) && System.nanoTime() < deadline);
                assertTrue(metrics.lines().anyMatch(unnamed::equals), metrics);
                assertTrue(metrics.lines().noneMatch(named::equals), metrics);
            }
        }
    }

    @Test
    void withoutAJvmTargetThreadsGetTheirKernelName() throws Exception {
        E2eFiles.configDir(dir, CONFIG);
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        try (Exporter exporter = Exporter.start(dir, List.of(CONFIG), errors, ExporterOptions.DEFAULTS)) {
            registry.register(exporter.collector());
            try (MetricsServer server = MetricsServer.start(ListenAddress.parse("127.0.0.1:0"), "/metrics", registry)) {
                CountDownLatch scraped = new CountDownLatch(1);
                Worker worker = Worker.start(THREAD_NAME, GETPPID_CALLS, scraped);
                String metrics = E2eFiles.get(server.port(), "/metrics");
                scraped.countDown();
                worker.join();
                // The kernel keeps 15 bytes of the name HotSpot gives the thread.
                String truncated = "ebpf_exporter_e2e_getppid_by_thread_total{thread=\"ebpfx-java-thre\"} "
                        + GETPPID_CALLS;
                assertTrue(metrics.lines().anyMatch(truncated::equals), metrics);
            }
        }
    }

    @Test
    void aClosedThreadNameMapIsCountedAsADecoderErrorNotAnotherLabel() throws Exception {
        E2eFiles.configDir(dir, CONFIG);
        JavaThreadNames javaThreads = new JavaThreadNames();
        DecoderRegistry decoders = new DecoderRegistry(Kallsyms::load, HostFiles.system(), javaThreads);
        List<Config> configs = ConfigSet.load(new ConfigLoader(decoders.names()), ConfigSource.directory(dir), List.of(CONFIG));
        Counter counter = configs.getFirst().metrics().counters().getFirst();
        ExporterOptions options = ExporterOptions.DEFAULTS.withJvm(JvmTarget.self());
        DecoderErrors errors = new DecoderErrors();
        try (BpfObject names = javaThreads.load(configs, options).orElseThrow();
             BpfObject calls = BpfObject.open(dir.resolve(CONFIG + ".bpf.o"))) {
            options.jvm().identity().applyTo(calls);
            calls.load();
            calls.attachAll();
            CounterReader reader = new CounterReader(counter, MapTable.of(CONFIG, counter.name(),
                    TableLabels.of(counter.labels(), false), calls.map(counter.name()), decoders, errors));
            CountDownLatch release = new CountDownLatch(1);
            Worker worker = Worker.start(THREAD_NAME, GETPPID_CALLS, release);
            try {
                assertTrue(labels(reader.collect()).contains(THREAD_NAME));
                assertEquals(0, errors.count(CONFIG));

                // The thread-name map goes away for real; once the decoder looks the name up again (after
                // its refresh period), the series must not turn into the thread's /proc name.
                names.close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                List<String> after = labels(reader.collect());
                while (!after.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    after = labels(reader.collect());
                }
                assertEquals(List.of(), after);
                assertTrue(errors.count(CONFIG) >= 1, "failed keys are counted: " + errors.count(CONFIG));
            } finally {
                release.countDown();
                worker.join();
            }
        }
    }

    private static List<String> labels(MetricSnapshot snapshot) {
        return snapshot.getDataPoints().stream().map(point -> point.getLabels().get("thread")).toList();
    }

    /** A Java thread that calls getppid, then stays alive until released. */
    private static final class Worker {
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final CountDownLatch called = new CountDownLatch(1);
        private volatile String tid;

        private Worker(String name, int calls, CountDownLatch release) {
            thread = new Thread(() -> {
                try {
                    // /proc/thread-self links to PID/task/TID.
                    tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
                    Syscalls.getppid(calls);
                    called.countDown();
                    release.await();
                } catch (Throwable t) {
                    failure.set(t);
                    called.countDown();
                }
            }, name);
        }

        static Worker start(String name, int calls, CountDownLatch release) throws InterruptedException {
            Worker worker = new Worker(name, calls, release);
            worker.thread.start();
            worker.called.await();
            worker.check();
            return worker;
        }

        void join() throws InterruptedException {
            thread.join();
            check();
        }

        private void check() {
            if (failure.get() != null) {
                throw new AssertionError("getppid failed", failure.get());
            }
        }
    }
}
