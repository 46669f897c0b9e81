package org.ebpfexporter.exporter.collector;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded label values by raw key bytes, least recently used evicted first. Decoding (kallsyms
 * lookups, string building) costs far more than hashing the key, and map keys repeat from scrape
 * to scrape. Not thread-safe: each reader owns one and reads under its own lock.
 */
final class LabelCache {
    /** Cached for keys that a decoder asked to skip, so they are not decoded again. */
    static final String[] SKIPPED = new String[0];

    private final LinkedHashMap<Key, String[]> entries;

    /** @param capacity the most keys kept */
    LabelCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, String[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached values for these key bytes, without copying them; {@code null} if absent. */
    String[] get(byte[] key) {
        return entries.get(new Key(key));
    }

    /** Caches values for a copy of the key bytes. */
    void put(byte[] key, String[] values) {
        entries.put(new Key(key.clone()), values);
    }

    int size() {
        return entries.size();
    }

    /** Key bytes compared by content. */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return Arrays.toString(bytes);
        }
    }
}
