package org.ebpfexporter.exporter.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Compiles regexps in Go's syntax with RE2/J, within limits like those of Go's own parser, which
 * RE2/J lacks: Go refuses expressions that nest deeper than 1000 levels ("expression nests too
 * deeply") or compile to more than 3.3 million instructions ("expression too large"). Without them
 * a 100-byte pattern such as {@code ((a{1000}){1000}){1000}} runs out of heap, and a few thousand
 * nested parentheses overflow the stack.
 *
 * <p>The limits are estimated from the pattern's text, before RE2/J sees it: groups may nest
 * {@link #MAX_NESTING} deep (a group and its repetition are two of Go's levels), and the
 * pattern, its repetitions expanded, may be {@link #MAX_SIZE} atoms long, below Go's bound so that
 * compiling one stays well under 200 MiB.
 */
public final class GoRegexp {
    /** Deepest nesting of groups. */
    static final int MAX_NESTING = 500;
    /** Most atoms (characters, classes, escapes) with every counted repetition expanded. */
    static final long MAX_SIZE = 1_000_000;

    private GoRegexp() {}

    /**
     * Compiles a pattern.
     *
     * @throws PatternSyntaxException when RE2/J refuses it, or it is beyond the limits
     */
    public static Pattern compile(String regexp) {
        checkLimits(regexp);
        return Pattern.compile(regexp);
    }

    private static void checkLimits(String regexp) {
        Deque<Long> enclosing = new ArrayDeque<>();
        long outside = 0;
        long size = 0;
        long last = 0;
        int i = 0;
        while (i < regexp.length()) {
            int next = i + 1;
            switch (regexp.charAt(i)) {
                case '(' -> {
                    if (enclosing.size() == MAX_NESTING) {
                        throw new PatternSyntaxException("expression nests too deeply", regexp);
                    }
                    enclosing.push(size);
                    outside += size;
                    size = 0;
                }
                case ')' -> {
                    if (!enclosing.isEmpty()) {
                        last = size;
                        size = enclosing.pop() + last;
                        outside -= size - last;
                    }
                }
                case '|', '*', '+', '?' -> { }
                case '{' -> {
                    int end = regexp.indexOf('}', i);
                    long count = end < 0 ? -1 : repeatCount(regexp.substring(i + 1, end));
                    if (count >= 0) {
                        // The repeated atom is there once already.
                        size += last * Math.max(0, count - 1);
                        last *= Math.max(1, count);
                        next = end + 1;
                    } else {
                        last = 1;
                        size++;
                    }
                }
                case '\\' -> {
                    next = escapeEnd(regexp, i);
                    last = 1;
                    size++;
                }
                case '[' -> {
                    next = classEnd(regexp, i);
                    last = 1;
                    size++;
                }
                default -> {
                    last = 1;
                    size++;
                }
            }
            if (outside + size > MAX_SIZE) {
                throw new PatternSyntaxException("expression too large", regexp);
            }
            i = next;
        }
    }

    /** The larger count of {@code n}, {@code n,} or {@code n,m}, or -1 when the braces hold no count. */
    private static long repeatCount(String counts) {
        if (!counts.matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
            return -1;
        }
        int comma = counts.indexOf(',');
        if (comma < 0) {
            return Long.parseLong(counts);
        }
        String max = counts.substring(comma + 1);
        return max.isEmpty() ? Long.parseLong(counts.substring(0, comma)) + 1 : Long.parseLong(max);
    }

    /** Where an escape starting at {@code i} ends: {@code \Q...\E} and {@code \p{...}} are one atom. */
    private static int escapeEnd(String regexp, int i) {
        if (i + 1 >= regexp.length()) {
            return regexp.length();
        }
        char kind = regexp.charAt(i + 1);
        if (kind == 'Q') {
            int end = regexp.indexOf("\\E", i + 2);
            return end < 0 ? regexp.length() : end + 2;
        }
        if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 2 < regexp.length() && regexp.charAt(i + 2) == '{') {
            int end = regexp.indexOf('}', i + 3);
            return end < 0 ? regexp.length() : end + 1;
        }
        return i + 2;
    }

    /** Where a character class starting at {@code i} ends: after its {@code ]}, a leading one included. */
    private static int classEnd(String regexp, int i) {
        int j = i + 1;
        if (j < regexp.length() && regexp.charAt(j) == '^') {
            j++;
        }
        if (j < regexp.length() && regexp.charAt(j) == ']') {
            j++;
        }
        while (j < regexp.length() && regexp.charAt(j) != ']') {
            if (regexp.charAt(j) == '\\') {
                j++;
            } else if (regexp.startsWith("[:", j)) {
                int end = regexp.indexOf(":]", j + 2);
                j = end < 0 ? j : end + 1;
            }
            j++;
        }
        return Math.min(regexp.length(), j + 1);
    }
}
