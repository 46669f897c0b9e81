package org.ebpfexporter.exporter.collector;

/** Map values are unsigned 64-bit integers held in Java's signed {@code long}. */
final class U64 {
    private static final double TWO_TO_64 = 0x1p64;

    private U64() {}

    /** The unsigned value as a double (rounded to the nearest double above 2^53). */
    static double toDouble(long value) {
        return value >= 0 ? value : value + TWO_TO_64;
    }

    /** The unsigned value as a non-negative long, saturating at {@link Long#MAX_VALUE}. */
    static long saturated(long value) {
        return value >= 0 ? value : Long.MAX_VALUE;
    }

    /** The sum of two non-negative longs, saturating at {@link Long#MAX_VALUE}. */
    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
