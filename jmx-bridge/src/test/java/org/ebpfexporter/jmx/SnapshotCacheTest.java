package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
  private final AtomicInteger collections = new AtomicInteger();
  private final AtomicLong now = new AtomicLong();

  private SnapshotCache cache(Duration ttl) {
    return new SnapshotCache(
        () -> {
          collections.incrementAndGet();
          return MetricSnapshots.of();
        },
        ttl,
        now::get);
  }

  @Test
  void servesOneCollectionForTheCacheTime() {
    SnapshotCache cache = cache(Duration.ofSeconds(1));
    SnapshotCache.Collected first = cache.get();
    now.addAndGet(999_999_999L);
    assertSame(first, cache.get());
    assertEquals(1, collections.get());
    now.addAndGet(1);
    cache.get();
    assertEquals(2, collections.get());
  }

  @Test
  void zeroCacheTimeCollectsOnEveryRead() {
    SnapshotCache cache = cache(Duration.ZERO);
    cache.get();
    cache.get();
    assertEquals(2, collections.get());
  }

  @Test
  void pinnedCollectionIsServedUntilUnpinned() {
    SnapshotCache cache = cache(Duration.ZERO);
    SnapshotCache.Collected pinned = cache.get();
    cache.pin(pinned);
    assertSame(pinned, cache.get());
    assertEquals(1, collections.get());
    cache.unpin();
    cache.get();
    assertEquals(2, collections.get());
  }
}
