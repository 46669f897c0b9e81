package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ebpfexporter.exporter.config.BucketType;
import org.ebpfexporter.exporter.config.Histogram;
import org.junit.jupiter.api.Test;

/** Upper bounds of every bucket type, the sum key and ignored keys (layouts are validated in config). */
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
