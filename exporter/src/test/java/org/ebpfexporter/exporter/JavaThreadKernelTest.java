package org.ebpfexporter.exporter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.ebpfexporter.exporter.collector.DecoderErrors;
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
