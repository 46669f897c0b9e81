package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LabelCacheTest {
    @Test
    void findsByContentAndCopiesKeys() {
        LabelCache cache = new LabelCache(2);
        byte[] scratch = {1, 2};
        cache.put(scratch, new String[] {"a"});
        scratch[0] = 9;
        assertNull(cache.get(scratch));
        assertArrayEquals(new String[] {"a"}, cache.get(new byte[] {1, 2}));
    }

    @Test
    void evictsLeastRecentlyUsed() {
        LabelCache cache = new LabelCache(2);
        cache.put(new byte[] {1}, new String[] {"1"});
        cache.put(new byte[] {2}, new String[] {"2"});
        cache.get(new byte[] {1});
        cache.put(new byte[] {3}, new String[] {"3"});
        assertEquals(2, cache.size());
        assertNull(cache.get(new byte[] {2}));
        assertArrayEquals(new String[] {"1"}, cache.get(new byte[] {1}));
    }
}
