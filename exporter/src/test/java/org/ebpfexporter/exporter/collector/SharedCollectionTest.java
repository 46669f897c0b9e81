package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Concurrent callers share one collection; later scrapes get a fresh one, JMX and JFR a recent one. */
class SharedCollectionTest {
    private static final int CALLERS = 8;

    @Test
    void concurrentCallersShareTheCollectionInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger collections = new AtomicInteger();
        SharedCollection shared = new SharedCollection(() -> {
            collections.incrementAndGet();
            started.countDown();
            await(release);
            return new MetricSnapshots();
        });
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<MetricSnapshots>> results = new ArrayList<>();
            results.add(pool.submit(shared::fresh));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int i = 1; i < CALLERS; i++) {
                results.add(pool.submit(shared::fresh));
            }
            // Give the followers time to reach the shared future before the read completes.
            Thread.sleep(200);
            release.countDown();
            MetricSnapshots first = results.getFirst().get(10, TimeUnit.SECONDS);
            for (Future<MetricSnapshots> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, collections.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void laterCallersCollectAfresh() {
        AtomicInteger collections = new AtomicInteger();
        SharedCollection shared = new SharedCollection(counting(collections));
        MetricSnapshots first = shared.fresh();
        MetricSnapshots second = shared.fresh();
        assertEquals(2, collections.get());
        assertTrue(first != second);
    }

    @Test
    void aFailureReachesTheCallerAndTheNextCallRetries() {
        AtomicInteger calls = new AtomicInteger();
        SharedCollection shared = new SharedCollection(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("map gone");
            }
            return new MetricSnapshots();
        });
        assertEquals("map gone", assertThrows(IllegalStateException.class, shared::fresh).getMessage());
        shared.fresh();
        assertEquals(2, calls.get());
    }

    @Test
    void recentReusesTheLatestCollectionWithinTheMaxAge() {
        AtomicInteger collections = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        SharedCollection shared = new SharedCollection(counting(collections), Duration.ofNanos(100), now::get);
        MetricSnapshots first = shared.recent();
        now.set(99);
        assertSame(first, shared.recent());
        assertEquals(1, collections.get());
        now.set(100);
        MetricSnapshots second = shared.recent();
        assertTrue(first != second);
        assertEquals(2, collections.get());
        // A scrape collects whatever the age, and refreshes what recent returns.
        MetricSnapshots scraped = shared.fresh();
        assertSame(scraped, shared.recent());
        assertEquals(3, collections.get());
    }

    @Test
    void maxAgeMustNotBeNegative() {
        assertEquals("max age must not be negative, got PT-0.001S", assertThrows(IllegalArgumentException.class,
                () -> new SharedCollection(MetricSnapshots::new, Duration.ofMillis(-1))).getMessage());
    }

    private static Supplier<MetricSnapshots> counting(AtomicInteger collections) {
        return () -> {
            collections.incrementAndGet();
            return new MetricSnapshots();
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
