package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ebpfexporter.exporter.config.BucketType;
import org.ebpfexporter.exporter.config.Histogram;
import org.junit.jupiter.api.Test;

/** Upper bounds of every bucket type, the sum key, ignored keys, and start-up validation. */
class BucketLayoutTest {
    @Test
    void exp2BoundsArePowersOfTwoTimesTheMultiplier() {
        BucketLayout layout = BucketLayout.of(histogram(BucketType.EXP2, 0.5, 0, 3, List.of()));
        assertArrayEquals(new double[] {0.5, 1, 2, 4}, bounds(layout));
        assertEquals(BucketLayout.SUM, layout.slot(4));
        assertEquals(0, layout.slot(0));
        assertEquals(3, layout.slot(3));
        assertEquals(BucketLayout.IGNORED, layout.slot(5));
        assertEquals(BucketLayout.IGNORED, layout.slot(-1));
    }

    @Test
    void exp2WithAMinimumAboveZeroStartsThere() {
        BucketLayout layout = BucketLayout.of(histogram(BucketType.EXP2, 1, 2, 4, List.of()));
        assertArrayEquals(new double[] {4, 8, 16}, bounds(layout));
        assertEquals(BucketLayout.IGNORED, layout.slot(1));
        assertEquals(0, layout.slot(2));
        assertEquals(BucketLayout.SUM, layout.slot(5));
    }

    @Test
    void exp2zeroKeepsKeyZeroForZero() {
        BucketLayout layout = BucketLayout.of(histogram(BucketType.EXP2ZERO, 0.25, 0, 4, List.of()));
        assertArrayEquals(new double[] {0, 0.25, 0.5, 1, 2}, bounds(layout));
        assertEquals(BucketLayout.SUM, layout.slot(5));
    }

    @Test
    void linearBoundsAreKeysTimesTheMultiplier() {
        BucketLayout layout = BucketLayout.of(histogram(BucketType.LINEAR, 10, 1, 4, List.of()));
        assertArrayEquals(new double[] {10, 20, 30, 40}, bounds(layout));
        assertEquals(BucketLayout.SUM, layout.slot(5));
    }

    @Test
    void fixedBoundsAreTheListedKeysAndTheSumFollowsTheLast() {
        BucketLayout layout = BucketLayout.of(histogram(BucketType.FIXED, 0.001, 0, 0, List.of(1.0, 5.0, 20.0)));
        assertArrayEquals(new double[] {0.001, 0.005, 0.02}, bounds(layout));
        assertEquals(1, layout.slot(5));
        assertEquals(BucketLayout.IGNORED, layout.slot(2));
        assertEquals(BucketLayout.SUM, layout.slot(21));
    }

    @Test
    void zeroMultiplierMeansOneAsUpstreamsUnsetValue() {
        assertArrayEquals(new double[] {1, 2}, bounds(BucketLayout.of(histogram(BucketType.LINEAR, 0, 1, 2, List.of()))));
    }

    @Test
    void rejectsLayoutsThatCannotBeServed() {
        assertRejected("bucket_max: 2 is below bucket_min 3", histogram(BucketType.EXP2, 1, 3, 2, List.of()));
        assertRejected("bucket_max: equals bucket_min 3, the range has zero size",
                histogram(BucketType.LINEAR, 1, 3, 3, List.of()));
        assertRejected("bucket_max: 2000001 buckets from bucket_min 0 to bucket_max 2000000, more than 10000",
                histogram(BucketType.LINEAR, 1, 0, 2_000_000, List.of()));
        assertRejected("bucket_max: the upper bound of bucket 1025 overflows a double",
                histogram(BucketType.EXP2, 1, 0, 1100, List.of()));
        assertRejected("bucket_keys: missing (fixed buckets need at least one key)",
                histogram(BucketType.FIXED, 1, 0, 0, List.of()));
        assertRejected("bucket_keys: 1.5 is not an unsigned integer (bucket label values are)",
                histogram(BucketType.FIXED, 1, 0, 0, List.of(1.5)));
        assertRejected("bucket_keys: keys must ascend, got 2 after 5",
                histogram(BucketType.FIXED, 1, 0, 0, List.of(5.0, 2.0)));
        assertRejected("bucket_multiplier: must be a positive number, got -1.0",
                histogram(BucketType.EXP2, -1, 0, 3, List.of()));
        assertRejected("bucket_multiplier: must be a positive number, got NaN",
                histogram(BucketType.EXP2, Double.NaN, 0, 3, List.of()));
    }

    private static void assertRejected(String message, Histogram histogram) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> BucketLayout.of(histogram)).getMessage());
    }

    static Histogram histogram(BucketType type, double multiplier, int min, int max, List<Double> keys) {
        return new Histogram("latency_seconds", "Latency", List.of(FakeRows.label("bucket", java.util.Map.of())), type,
                multiplier, min, max, keys);
    }

    private static double[] bounds(BucketLayout layout) {
        double[] bounds = new double[layout.buckets()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = layout.upperBound(i);
        }
        return bounds;
    }
}
