package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.ebpfexporter.exporter.config.Label;
import org.junit.jupiter.api.Timeout;

/**
 * Every decoder the registry creates, alone and in chains, through {@link KeyDecoder} on any key
 * bytes: a key decodes to label values, is skipped, or fails with a {@link DecoderException}, and
 * nothing else happens: no other exception, no hang, no unbounded memory.
 *
 * <p>An input is text lines up to an empty line, then the raw key:
 *
 * <pre>
 * label SIZE PADDING DECODER[,DECODER...]   one line per label, in key order
 * map INPUT VALUE                           an entry of every static_map decoder
 * allow_unknown                             static_map passes unknown inputs through
 * regexp PATTERN                            a pattern of every regexp decoder
 *
 * KEY BYTES
 * </pre>
 *
 * Host-resolving decoders use the fixtures of {@link DecoderVectorsTest}. The seeds in
 * {@code DecoderFuzzTestInputs/decoderChain} are the acceptance vectors in this form.
 */
class DecoderFuzzTest {
    private static final int MAX_LABELS = 4;
    private static final int MAX_CHAIN = 4;
    private static final int MAX_SIZE = 256;

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void decoderChain(byte[] input) {
        Input parsed = Input.parse(input);
        if (parsed == null) {
            return;
        }
        KeyDecoder keys;
        try {
            keys = new KeyDecoder(parsed.labels(), DecoderVectorsTest.REGISTRY);
        } catch (IllegalArgumentException e) {
            // An unknown decoder or a pattern that does not compile: refused when the config loads.
            return;
        }
        try {
            String[] values = keys.decode(parsed.key());
            if (values != null) {
                assertEquals(parsed.labels().size(), values.length);
                Arrays.stream(values).forEach(value -> assertNotNull(value, "a decoded label value"));
            }
        } catch (DecoderException e) {
            assertNotNull(e.getMessage(), "a decoder error says what is wrong");
        }
    }

    /** Labels with their decoder chains, and the key to decode. */
    private record Input(List<Label> labels, byte[] key) {
        static Input parse(byte[] input) {
            int end = headerEnd(input);
            if (end < 0) {
                return null;
            }
            List<String[]> labelLines = new ArrayList<>();
            Map<String, String> staticMap = new HashMap<>();
            List<String> regexps = new ArrayList<>();
            boolean allowUnknown = false;
            for (String line : new String(input, 0, end, StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.split(" ", 4);
                switch (words[0]) {
                    case "label" -> labelLines.add(words);
                    case "map" -> staticMap.put(words.length > 1 ? words[1] : "",
                            words.length > 2 ? line.substring(words[0].length() + words[1].length() + 2) : "");
                    case "allow_unknown" -> allowUnknown = true;
                    case "regexp" -> regexps.add(line.substring(Math.min(line.length(), "regexp ".length())));
                    default -> {
                        return null;
                    }
                }
            }
            List<Label> labels = new ArrayList<>();
            for (String[] words : labelLines) {
                Label label = label(labels.size(), words, staticMap, allowUnknown, regexps);
                if (label == null || labels.size() == MAX_LABELS) {
                    return null;
                }
                labels.add(label);
            }
            return labels.isEmpty() ? null : new Input(labels, Arrays.copyOfRange(input, end + 2, input.length));
        }

        private static Label label(int index, String[] words, Map<String, String> staticMap, boolean allowUnknown,
                                   List<String> regexps) {
            if (words.length != 4) {
                return null;
            }
            int size;
            int padding;
            try {
                size = Integer.parseInt(words[1]);
                padding = Integer.parseInt(words[2]);
            } catch (NumberFormatException e) {
                return null;
            }
            List<String> names = List.of(words[3].split(","));
            if (size < 1 || size > MAX_SIZE || padding < 0 || padding > MAX_SIZE || names.size() > MAX_CHAIN) {
                return null;
            }
            List<DecoderSpec> chain = names.stream()
                    .map(name -> new DecoderSpec(name, staticMap, allowUnknown, regexps)).toList();
            return new Label("label" + index, size, padding, chain);
        }

        /** Where the header's empty line begins, or -1. */
        private static int headerEnd(byte[] input) {
            for (int i = 0; i + 1 < input.length; i++) {
                if (input[i] == '\n' && input[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
