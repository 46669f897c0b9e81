package org.ebpfexporter.exporter.collector;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded label values by raw key bytes, least recently used evicted first, with a separate
 * bounded set of keys whose label set a decoder dropped. Decoding (kallsyms lookups, string
 * building) costs far more than hashing the key, and map keys repeat from scrape to scrape.
 * A hit allocates nothing: the key bytes are looked up through a reused probe, hashed in place,
 * and copied only when stored. Not thread-safe: each reader owns one and reads under its own lock.
 */
public final class LabelCache {
    /** Default for {@code --config.cache-size}: room for a million distinct keys. */
    public static final int DEFAULT_SIZE = 1 << 20;
    /** Default for {@code --config.skip-cache-size}. */
    public static final int DEFAULT_SKIP_SIZE = 1 << 20;

    /** Stands for a key whose labels were dropped, in {@link #get} and {@link #put}. */
    static final String[] SKIPPED = new String[0];

    private final Map<Key, String[]> values;
    private final Map<Key, Boolean> skipped;
    private final Key probe = new Key(null, 0);

    /**
     * @param size     the most keys whose label values are kept
     * @param skipSize the most dropped keys remembered
     */
    public LabelCache(int size, int skipSize) {
        if (size < 0 || skipSize < 0) {
            throw new IllegalArgumentException("cache sizes must not be negative: " + size + ", " + skipSize);
        }
        this.values = lru(size);
        this.skipped = lru(skipSize);
    }

    /** The cached values for these key bytes, {@link #SKIPPED}, or {@code null} if not cached. */
    String[] get(byte[] key) {
        probe.reset(key);
        String[] found = values.get(probe);
        if (found == null && skipped.get(probe) != null) {
            found = SKIPPED;
        }
        probe.reset(null);
        return found;
    }

    /** Caches values (or {@link #SKIPPED}) for a copy of the key bytes. */
    void put(byte[] key, String[] labelValues) {
        Key stored = new Key(key.clone(), Arrays.hashCode(key));
        if (labelValues == SKIPPED) {
            skipped.put(stored, Boolean.TRUE);
        } else {
            values.put(stored, labelValues);
        }
    }

    /** How many keys have label values cached. */
    int size() {
        return values.size();
    }

    /** How many dropped keys are remembered. */
    int skippedSize() {
        return skipped.size();
    }

    private static <V> Map<Key, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Key bytes compared by content; the probe instance is re-pointed at each looked-up key. */
    private static final class Key {
        private byte[] bytes;
        private int hash;

        Key(byte[] bytes, int hash) {
            this.bytes = bytes;
            this.hash = hash;
        }

        void reset(byte[] newBytes) {
            bytes = newBytes;
            hash = newBytes == null ? 0 : Arrays.hashCode(newBytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
