package org.ebpfexporter.exporter.decoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A number-to-name table read from a class-path resource of {@code NUMBER NAME} lines. */
final class NumberTable {
    private final Map<Long, String> names;

    private NumberTable(Map<Long, String> names) {
        this.names = Map.copyOf(names);
    }

    static NumberTable load(String resource) {
        Map<Long, String> names = new HashMap<>();
        try (InputStream in = NumberTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.strip().split("\\s+");
                names.putIfAbsent(Long.parseLong(fields[0]), fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NumberTable(names);
    }

    String name(long number) {
        return names.get(number);
    }

    /** Parses a decimal number produced by an earlier decoder. */
    static long parse(String decoder, byte[] input, int offset, int length) throws DecoderException {
        String text = new String(input, offset, length, StandardCharsets.UTF_8);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DecoderException(decoder + ": expected a decimal number, got \"" + text + "\"");
        }
    }
}
