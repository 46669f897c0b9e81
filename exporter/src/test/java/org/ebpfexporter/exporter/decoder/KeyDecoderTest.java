package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.ebpfexporter.exporter.config.Label;
import org.junit.jupiter.api.Test;

/** Whole keys, as in the "Whole keys" notes of the acceptance vectors. */
class KeyDecoderTest {
    private static final DecoderRegistry REGISTRY = DecoderVectorsTest.REGISTRY;
    private static final Label FRUIT = new Label("fruit", 32, 0, List.of(DecoderSpec.of("string")));

    @Test
    void decodesLabelsInOrder() throws DecoderException {
        KeyDecoder decoder = new KeyDecoder(List.of(new Label("number", 4, 0, List.of(DecoderSpec.of("uint"))), FRUIT),
                REGISTRY);
        assertArrayEquals(new String[] {"8", "bananas"}, decoder.decode(key("08000000")));
        assertEquals(List.of("number", "fruit"), decoder.labelNames());
    }

    @Test
    void skipsPadding() throws DecoderException {
        KeyDecoder decoder = new KeyDecoder(List.of(new Label("number", 1, 3, List.of(DecoderSpec.of("uint"))), FRUIT),
                REGISTRY);
        assertArrayEquals(new String[] {"8", "bananas"}, decoder.decode(key("08010101")));
    }

    @Test
    void chainsDecoders() throws DecoderException {
        KeyDecoder decoder = new KeyDecoder(List.of(new Label("syscall", 8, 0,
                List.of(DecoderSpec.of("uint"), DecoderSpec.of("syscall")))), REGISTRY);
        assertArrayEquals(new String[] {"getppid"}, decoder.decode(HexFormat.of().parseHex("6e00000000000000")));
    }

    @Test
    void skipsWholeKeyWhenADecoderSkips() throws DecoderException {
        KeyDecoder decoder = new KeyDecoder(List.of(new Label("number", 4, 0, List.of(DecoderSpec.of("uint"))),
                new Label("fruit", 32, 0, List.of(DecoderSpec.of("string"),
                        new DecoderSpec("regexp", Map.of(), false, List.of("^apple"))))),
                REGISTRY);
        assertNull(decoder.decode(key("08000000")));
    }

    @Test
    void keySizeMismatchIsADecodingError() {
        KeyDecoder decoder = new KeyDecoder(List.of(new Label("number", 4, 0, List.of(DecoderSpec.of("uint")))), REGISTRY);
        DecoderException e = assertThrows(DecoderException.class, () -> decoder.decode(key("08000000")));
        assertEquals("key is 36 bytes but labels [number] cover 4", e.getMessage());
    }

    /** The prefix bytes followed by "bananas" NUL-padded to 32 bytes. */
    private static byte[] key(String prefixHex) {
        byte[] prefix = HexFormat.of().parseHex(prefixHex);
        byte[] key = Arrays.copyOf(prefix, prefix.length + 32);
        byte[] fruit = "bananas".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(fruit, 0, key, prefix.length, fruit.length);
        return key;
    }
}
