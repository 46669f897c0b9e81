package org.ebpfexporter.exporter.decoder;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ebpfexporter.exporter.config.GoRegexp;

/** {@code regexp}: the input if any pattern (Go syntax) matches it, otherwise {@link Decoder#SKIP}. */
public final class RegexpDecoder implements Decoder {
    private final List<Pattern> patterns;

    /**
     * @param regexps patterns in Go's syntax
     * @throws IllegalArgumentException naming a pattern that does not compile
     */
    public RegexpDecoder(List<String> regexps) {
        this.patterns = regexps.stream().map(RegexpDecoder::compile).toList();
    }

    @Override
    public String decode(byte[] input, int offset, int length) {
        String text = new String(input, offset, length, StandardCharsets.UTF_8);
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).find()) {
                return text;
            }
        }
        return SKIP;
    }

    private static Pattern compile(String regexp) {
        try {
            return GoRegexp.compile(regexp);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regexp \"" + regexp + "\": " + e.getDescription());
        }
    }
}
