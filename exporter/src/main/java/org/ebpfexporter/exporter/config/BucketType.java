package org.ebpfexporter.exporter.config;

import java.util.Arrays;
import java.util.Optional;

/** Histogram bucket layouts, with their config spelling. */
public enum BucketType {
    /** Bucket {@code k} counts values up to {@code 2^k}. */
    EXP2("exp2"),
    /** Bucket 0 counts zeros; bucket {@code k > 0} counts values up to {@code 2^(k-1)}. */
    EXP2ZERO("exp2zero"),
    /** Bucket {@code k} counts values up to {@code k}. */
    LINEAR("linear"),
    /** Buckets are the listed {@code bucket_keys}. */
    FIXED("fixed");

    private final String spelling;

    BucketType(String spelling) {
        this.spelling = spelling;
    }

    /** The spelling used in YAML. */
    public String spelling() {
        return spelling;
    }

    /**
     * The upper bound ({@code le}) of the bucket of a key, as upstream computes it: {@code 2^k·m}
     * (exp2), {@code 0} for {@code k = 0} and {@code 2^(k-1)·m} otherwise (exp2zero), {@code k·m}
     * (linear, fixed).
     *
     * @param key        the bucket key
     * @param multiplier the effective {@code bucket_multiplier}
     */
    public double upperBound(long key, double multiplier) {
        return switch (this) {
            case EXP2 -> Math.pow(2, key) * multiplier;
            case EXP2ZERO -> key == 0 ? 0 : Math.pow(2, key - 1) * multiplier;
            case LINEAR, FIXED -> key * multiplier;
        };
    }

    /** The type spelled {@code text} in YAML. */
    public static Optional<BucketType> of(String text) {
        return Arrays.stream(values()).filter(t -> t.spelling.equals(text)).findFirst();
    }
}
