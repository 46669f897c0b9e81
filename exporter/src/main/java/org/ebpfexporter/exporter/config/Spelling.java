package org.ebpfexporter.exporter.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" hints: the known word within two edits (insert, delete, replace, swap) of a typo. */
final class Spelling {
    private static final int MAX_DISTANCE = 2;

    private Spelling() {}

    /** The closest of {@code known} to {@code word}, if within two edits; ties go to the alphabetically first. */
    static Optional<String> closest(String word, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(word, k) <= MAX_DISTANCE)
                .min(Comparator.comparingInt((String k) -> distance(word, k)).thenComparing(Comparator.naturalOrder()));
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of adjacent characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
