package org.ebpfexporter.exporter.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One histogram series as the text format serves it: its cumulative buckets (by {@code le}, in
 * served order), sum and count.
 *
 * @param buckets {@code le} to cumulative count, in the order served
 * @param sum     the {@code _sum} sample
 * @param count   the {@code _count} sample
 */
record ServedHistogram(Map<String, Double> buckets, double sum, double count) {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The series of one histogram family in a text exposition, keyed by their label values other
     * than {@code le}, joined by ',' in served label order.
     */
    static Map<String, ServedHistogram> parse(String exposition, String name) {
        Map<String, Map<String, Double>> buckets = new TreeMap<>();
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Double> counts = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).startsWith(name + "_")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            String le = null;
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                if (label.group(1).equals("le")) {
                    le = label.group(2);
                } else {
                    values.add(label.group(2));
                }
            }
            String key = String.join(",", values);
            double value = Double.parseDouble(sample.group(3));
            switch (sample.group(1).substring(name.length())) {
                case "_bucket" -> buckets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(le, value);
                case "_sum" -> sums.put(key, value);
                case "_count" -> counts.put(key, value);
                default -> { }
            }
        }
        Map<String, ServedHistogram> series = new TreeMap<>();
        buckets.forEach((key, les) -> series.put(key, new ServedHistogram(les, sums.getOrDefault(key, Double.NaN),
                counts.getOrDefault(key, Double.NaN))));
        return series;
    }

    /** The cumulative count of the bucket with that upper bound, as served. */
    double bucket(String le) {
        Double value = buckets.get(le);
        assertTrue(value != null, "no bucket le=" + le + " in " + buckets.keySet());
        return value;
    }

    /** Asserts the shape every served histogram must have: cumulative buckets ending in +Inf = count. */
    ServedHistogram assertWellFormed() {
        double previous = 0;
        for (Map.Entry<String, Double> bucket : buckets.entrySet()) {
            assertTrue(bucket.getValue() >= previous, "not cumulative at le=" + bucket.getKey() + ": " + buckets);
            previous = bucket.getValue();
        }
        assertEquals(count, bucket("+Inf"), "+Inf bucket against count: " + this);
        return this;
    }
}
