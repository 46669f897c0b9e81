package org.ebpfexporter.exporter.exposition;

import java.math.BigDecimal;

/**
 * Spells a double as Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} does, with the text
 * format's {@code +Inf}, {@code -Inf} and {@code NaN}: the shortest digits that read back as the
 * same double, in exponent form ({@code 1e-06}, {@code 1.048576e+06}) when the decimal exponent
 * is below -4 or at least 6.
 */
public final class GoFloat {
    /** Go switches to exponent form at this decimal exponent when printing the shortest digits. */
    private static final int EXPONENT_FORM_FROM = 6;
    private static final int EXPONENT_FORM_BELOW = -4;

    private GoFloat() {}

    /** The text of {@code value}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        Decimal decimal = shortest(Math.abs(value));
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        int exponent = decimal.point() - 1;
        if (exponent < EXPONENT_FORM_BELOW || exponent >= EXPONENT_FORM_FROM) {
            appendExponentForm(out, decimal.digits(), exponent);
        } else {
            appendPlainForm(out, decimal.digits(), decimal.point());
        }
        return out.toString();
    }

    private static void appendExponentForm(StringBuilder out, String digits, int exponent) {
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        out.append(magnitude);
    }

    private static void appendPlainForm(StringBuilder out, String digits, int point) {
        if (point <= 0) {
            out.append("0.").repeat('0', -point).append(digits);
        } else if (point >= digits.length()) {
            out.append(digits).repeat('0', point - digits.length());
        } else {
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
    }

    /**
     * The shortest round-trip digits of a positive finite value. {@link Double#toString} gives
     * them (JDK 19 and later), except that where one digit would do it may print two that lie
     * closer (such as {@code 4.9E-324} for Go's {@code 5e-324}); Go keeps the single digit.
     */
    private static Decimal shortest(double value) {
        Decimal decimal = Decimal.parse(Double.toString(value));
        if (decimal.digits().length() != 2) {
            return decimal;
        }
        Decimal best = null;
        BigDecimal exact = new BigDecimal(value);
        int first = decimal.digits().charAt(0) - '0';
        for (int candidate = first; candidate <= first + 1; candidate++) {
            Decimal single = candidate == 10 ? new Decimal("1", decimal.point() + 1)
                    : new Decimal(Integer.toString(candidate), decimal.point());
            if (Double.parseDouble(single.toScientific()) == value
                    && (best == null || single.distance(exact).compareTo(best.distance(exact)) < 0)) {
                best = single;
            }
        }
        return best == null ? decimal : best;
    }

    /**
     * A positive decimal {@code 0.digits × 10^point}, without leading or trailing zero digits.
     */
    private record Decimal(String digits, int point) {
        /** Parses {@link Double#toString} output of a positive finite value, such as {@code 1.048576E6}. */
        static Decimal parse(String text) {
            int e = text.indexOf('E');
            String mantissa = e < 0 ? text : text.substring(0, e);
            int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
            int dot = mantissa.indexOf('.');
            String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = dot + exponent;
            int start = 0;
            while (start < all.length() - 1 && all.charAt(start) == '0') {
                start++;
                point--;
            }
            int end = all.length();
            while (end > start + 1 && all.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(all.substring(start, end), point);
        }

        String toScientific() {
            return "0." + digits + "E" + point;
        }

        BigDecimal distance(BigDecimal exact) {
            return new BigDecimal(toScientific()).subtract(exact).abs();
        }
    }
}
