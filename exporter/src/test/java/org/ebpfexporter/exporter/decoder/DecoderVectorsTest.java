package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The acceptance vectors of upstream's decoders (shared/acceptance/decoder-vectors.tsv) for the decoders built here. */
class DecoderVectorsTest {
    static final Kallsyms FIXTURE = kallsyms("ffffffeb19d90830 T pipe_lock\nffffffeb19d90870 T pipe_unlock\n");
    static final DecoderRegistry REGISTRY = new DecoderRegistry(() -> FIXTURE);

    private static final DecoderSpec READ_WRITE = new DecoderSpec("static_map", Map.of("1", "read", "2", "write"),
            false, List.of());

    record Vector(DecoderSpec spec, String input, String expected) {
        @Override
        public String toString() {
            return spec.name() + " " + input + " -> " + expected;
        }
    }

    static List<Vector> vectors() {
        return List.of(
                new Vector(DecoderSpec.of("string"), "str:regular string", "regular string"),
                new Vector(DecoderSpec.of("string"), "str:null terminated string\0bananas after null", "null terminated string"),
                new Vector(DecoderSpec.of("uint"), "hex:01", "1"),
                new Vector(DecoderSpec.of("uint"), "hex:0200", "2"),
                new Vector(DecoderSpec.of("uint"), "hex:04000000", "4"),
                new Vector(DecoderSpec.of("uint"), "hex:00b6c25b85ffffff", "18446743546968061440"),
                new Vector(DecoderSpec.of("hex"), "hex:01", "01"),
                new Vector(DecoderSpec.of("hex"), "hex:deadbeef", "deadbeef"),
                new Vector(READ_WRITE, "str:1", "read"),
                new Vector(READ_WRITE, "str:3", "unknown:3"),
                new Vector(new DecoderSpec("static_map", READ_WRITE.staticMap(), true, List.of()), "str:3", "3"),
                new Vector(DecoderSpec.of("errno"), "str:1", "EPERM"),
                new Vector(DecoderSpec.of("errno"), "str:1000", "unknown:1000"),
                new Vector(DecoderSpec.of("syscall"), "str:0", "read"),
                new Vector(DecoderSpec.of("syscall"), "str:1", "write"),
                new Vector(DecoderSpec.of("syscall"), "str:110", "getppid"),
                new Vector(DecoderSpec.of("syscall"), "str:9999", "unknown_syscall:9999"),
                new Vector(regexp(), "str:systemd-journal", "systemd-journal"),
                new Vector(regexp(), "str:systemd-bananad", Decoder.SKIP),
                new Vector(DecoderSpec.of("ksym"), "hex:3008d919ebffffff", "pipe_lock"),
                new Vector(DecoderSpec.of("ksym"), "hex:2808d919ebffffff", "unknown_addr:0xffffffeb19d90828"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodes(Vector vector) throws DecoderException {
        String actual = REGISTRY.create(vector.spec()).decode(bytes(vector.input()));
        if (Decoder.isSkip(vector.expected())) {
            assertSame(Decoder.SKIP, actual);
        } else {
            assertEquals(vector.expected(), actual);
        }
    }

    @Test
    void rejectsWhatCannotBeDecoded() {
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("uint")).decode(new byte[3]));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("syscall")).decode("read"));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("errno")).decode(""));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("ksym")).decode(new byte[4]));
    }

    @Test
    void decodesSlices() throws DecoderException {
        byte[] key = {9, 1, 0, 9};
        assertEquals("1", new UintDecoder().decode(key, 1, 2));
        assertEquals("0100", new HexDecoder().decode(key, 1, 2));
    }

    @Test
    void rejectsInvalidRegexpWhenBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.create(new DecoderSpec("regexp", Map.of(), false, List.of("("))));
        assertEquals(true, e.getMessage().startsWith("invalid regexp \"(\""), e.getMessage());
    }

    private static DecoderSpec regexp() {
        return new DecoderSpec("regexp", Map.of(), false, List.of("^systemd-journal$", "^syslog-ng$"));
    }

    /** Inputs as the vectors file writes them: {@code hex:...} or {@code str:...}. */
    static byte[] bytes(String input) {
        if (input.startsWith("hex:")) {
            return HexFormat.of().parseHex(input.substring(4));
        }
        return input.substring(4).getBytes(StandardCharsets.UTF_8);
    }

    private static Kallsyms kallsyms(String text) {
        try {
            return Kallsyms.parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
