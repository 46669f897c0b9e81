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

    /** The type spelled {@code text} in YAML. */
    public static Optional<BucketType> of(String text) {
        return Arrays.stream(values()).filter(t -> t.spelling.equals(text)).findFirst();
    }
}
