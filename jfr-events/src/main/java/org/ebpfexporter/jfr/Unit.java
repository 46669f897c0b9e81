package org.ebpfexporter.jfr;

import java.util.List;
import jdk.jfr.AnnotationElement;
import jdk.jfr.DataAmount;
import jdk.jfr.Timespan;

/**
 * The unit a family's name gives its measured values, by Prometheus's naming convention
 * ({@code _seconds}, {@code _bytes}, optionally followed by {@code _total}), and how JFR is told:
 * so that {@code jfr print} and JDK Mission Control show {@code 1.52 s} or {@code 3.0 GB} rather
 * than a bare number.
 *
 * <ul>
 *   <li>{@link #SECONDS}: a {@code long} of nanoseconds with {@code @Timespan(NANOSECONDS)}
 *       ({@code jfr print} cannot print a {@code double} timespan); {@code +Inf} becomes
 *       {@link Long#MAX_VALUE}, which JFR shows as infinite, NaN {@link Long#MIN_VALUE}
 *       ({@code N/A});
 *   <li>{@link #BYTES}: {@code @DataAmount(BYTES)} on a {@code long} for whole-number families,
 *       a {@code double} otherwise;
 *   <li>{@link #NONE}: a plain {@code long} for whole-number families, a {@code double}
 *       otherwise.
 * </ul>
 */
enum Unit {
    SECONDS,
    BYTES,
    NONE;

    private static final double NANOS_PER_SECOND = 1e9;

    /** The unit of a family, from its name as exposed. */
    static Unit of(String family) {
        String base = family.endsWith("_total") ? family.substring(0, family.length() - "_total".length()) : family;
        if (base.endsWith("_seconds")) {
            return SECONDS;
        }
        return base.endsWith("_bytes") ? BYTES : NONE;
    }

    /** The JFR field type of a measured value. */
    Class<?> fieldType(boolean integral) {
        return this == SECONDS || integral ? long.class : double.class;
    }

    /** The annotations that tell JFR the unit. */
    List<AnnotationElement> annotations() {
        return switch (this) {
            case SECONDS -> List.of(new AnnotationElement(Timespan.class, Timespan.NANOSECONDS));
            case BYTES -> List.of(new AnnotationElement(DataAmount.class, DataAmount.BYTES));
            case NONE -> List.of();
        };
    }

    /** A measured value as the field holds it. */
    Object convert(double value, boolean integral) {
        if (this == SECONDS) {
            if (Double.isNaN(value)) {
                return Long.MIN_VALUE;
            }
            // Math.round saturates: +Inf and anything beyond 292 years become Long.MAX_VALUE.
            return Math.round(value * NANOS_PER_SECOND);
        }
        return integral ? (Object) Math.round(value) : (Object) value;
    }
}
