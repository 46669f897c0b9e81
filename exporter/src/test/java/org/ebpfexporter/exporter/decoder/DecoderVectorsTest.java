package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** Every row and fixture note of the acceptance vectors (acceptance/decoder-vectors.tsv). */
class DecoderVectorsTest {
    static final Kallsyms FIXTURE = kallsyms("ffffffeb19d90830 T pipe_lock\nffffffeb19d90870 T pipe_unlock\n");
    static final HostFiles FILES = new HostFiles(resource("/fixtures/partitions"), resource("/fixtures/pci.ids"),
            CgroupMount.MOUNTINFO);
    static final DecoderRegistry REGISTRY = new DecoderRegistry(() -> FIXTURE, FILES);

    record Vector(DecoderSpec spec, String input, String expected) {
        @Override
        public String toString() {
            return spec.name() + " " + input + " -> " + expected;
        }
    }

    static List<Vector> vectors() throws IOException {
        String text;
        try (InputStream in = DecoderVectorsTest.class.getResourceAsStream("/acceptance/decoder-vectors.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Vector> vectors = text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(f -> new Vector(spec(f[0], f[1]), f[2], f[3]))
                .toList();
        assertEquals(24, vectors.size());
        return vectors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodes(Vector vector) throws DecoderException {
        String actual = REGISTRY.create(vector.spec()).decode(bytes(vector.input()));
        if (vector.expected().equals("SKIP")) {
            assertSame(Decoder.SKIP, actual);
        } else {
            assertEquals(vector.expected(), actual);
        }
    }

    @Test
    void ksymFixture() throws DecoderException {
        Decoder ksym = REGISTRY.create(DecoderSpec.of("ksym"));
        assertEquals("pipe_lock", ksym.decode(bytes("hex:3008d919ebffffff")));
        assertEquals("unknown_addr:0xffffffeb19d90828", ksym.decode(bytes("hex:2808d919ebffffff")));
    }

    @Test
    void majorMinorFixture() throws DecoderException {
        Decoder majorMinor = REGISTRY.create(DecoderSpec.of("majorminor"));
        assertEquals("sda", majorMinor.decode(bytes("hex:00080000")));
        assertEquals("unknown:8:7", majorMinor.decode(bytes("hex:07080000")));
    }

    @Test
    void pciWithoutDatabase() throws DecoderException {
        DecoderRegistry noDb = new DecoderRegistry(() -> FIXTURE,
                new HostFiles(FILES.partitions(), Path.of("/nonexistent/pci.ids"), FILES.mountinfo()));
        for (String name : List.of("pci_vendor", "pci_device", "pci_class", "pci_subclass")) {
            assertEquals("missing pci.ids db", noDb.create(DecoderSpec.of(name)).decode("32902"), name);
        }
    }

    @Test
    void rejectsWhatCannotBeDecoded() {
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("uint")).decode(new byte[3]));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("syscall")).decode("read"));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("errno")).decode(""));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("errno")).decode("-1"));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("ksym")).decode(new byte[4]));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("kstack")).decode(new byte[12]));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("majorminor")).decode(new byte[2]));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("ifname")).decode(new byte[2]));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("cgroup")).decode("x"));
        assertThrows(DecoderException.class, () -> REGISTRY.create(DecoderSpec.of("pci_vendor")).decode("x"));
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
        assertTrue(e.getMessage().startsWith("invalid regexp \"(\""), e.getMessage());
    }

    @Test
    void knowsAllUpstreamDecoders() {
        assertEquals(List.of("cgroup", "dname", "errno", "hex", "ifname", "inet_ip", "java_thread", "kstack", "ksym", "majorminor",
                "pci_class", "pci_device", "pci_subclass", "pci_vendor", "regexp", "static_map", "string", "syscall",
                "uint"), REGISTRY.names().stream().sorted().toList());
    }

    /** A spec from the vectors' options column: {@code -} or a JSON object (which YAML reads). */
    @SuppressWarnings("unchecked")
    private static DecoderSpec spec(String name, String options) {
        if (options.equals("-")) {
            return DecoderSpec.of(name);
        }
        Map<String, Object> o = new Yaml().load(options);
        return new DecoderSpec(name, (Map<String, String>) o.getOrDefault("static_map", Map.of()),
                Boolean.TRUE.equals(o.get("allow_unknown")), (List<String>) o.getOrDefault("regexps", List.of()));
    }

    /** Inputs as the vectors file writes them: {@code hex:...}, or {@code str:...} with {@code \0} and {@code \xNN}. */
    static byte[] bytes(String input) {
        if (input.startsWith("hex:")) {
            return HexFormat.of().parseHex(input.substring(4));
        }
        String text = input.substring(4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\0", i)) {
                out.write(0);
                i += 1;
            } else if (text.startsWith("\\x", i)) {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.writeBytes(String.valueOf(text.charAt(i)).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static Path resource(String name) {
        try {
            return Path.of(DecoderVectorsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Kallsyms kallsyms(String text) {
        try {
            return Kallsyms.parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
