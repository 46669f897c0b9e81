package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LabelCacheTest {
    @Test
    void findsByContentAndCopiesKeys() {
        LabelCache cache = new LabelCache(2, 2);
        byte[] scratch = {1, 2};
        cache.put(scratch, new String[] {"a"});
        scratch[0] = 9;
        assertNull(cache.get(scratch));
        assertArrayEquals(new String[] {"a"}, cache.get(new byte[] {1, 2}));
    }

    @Test
    void evictsLeastRecentlyUsed() {
        LabelCache cache = new LabelCache(2, 2);
        cache.put(new byte[] {1}, new String[] {"1"});
        cache.put(new byte[] {2}, new String[] {"2"});
        cache.get(new byte[] {1});
        cache.put(new byte[] {3}, new String[] {"3"});
        assertEquals(2, cache.size());
        assertNull(cache.get(new byte[] {2}));
        assertArrayEquals(new String[] {"1"}, cache.get(new byte[] {1}));
        assertArrayEquals(new String[] {"3"}, cache.get(new byte[] {3}));
    }

    @Test
    void remembersSkippedKeysInTheirOwnBoundedSet() {
        LabelCache cache = new LabelCache(1, 2);
        cache.put(new byte[] {7}, new String[] {"7"});
        cache.put(new byte[] {1}, LabelCache.SKIPPED);
        cache.put(new byte[] {2}, LabelCache.SKIPPED);
        cache.get(new byte[] {1});
        cache.put(new byte[] {3}, LabelCache.SKIPPED);
        assertEquals(2, cache.skippedSize());
        assertEquals(1, cache.size());
        assertArrayEquals(new String[] {"7"}, cache.get(new byte[] {7}));
        assertSame(LabelCache.SKIPPED, cache.get(new byte[] {1}));
        assertSame(LabelCache.SKIPPED, cache.get(new byte[] {3}));
        assertNull(cache.get(new byte[] {2}));
    }

    @Test
    void defaultsHoldAMillionKeys() {
        assertEquals(1_048_576, LabelCache.DEFAULT_SIZE);
        assertEquals(1_048_576, LabelCache.DEFAULT_SKIP_SIZE);
    }
}
