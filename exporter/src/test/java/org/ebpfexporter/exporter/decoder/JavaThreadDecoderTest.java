package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.ebpfexporter.exporter.config.DecoderSpec;
import org.ebpfexporter.exporter.config.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java names from a fake thread-name map, the real {@code /proc} for the fallback. */
class JavaThreadDecoderTest {
    private static final Path PROC = Path.of("/proc");
    /** Above any pid_max (at most 2^22): no such thread. */
    private static final String NO_SUCH_TID = "4294967295";

    private final Map<Integer, String> javaNames = new HashMap<>();
    private final AtomicLong now = new AtomicLong();
    private final JavaThreadDecoder decoder = new JavaThreadDecoder(
            tid -> Optional.ofNullable(javaNames.get(tid)), PROC, 1_000, now::get);

    @Test
    void javaThreadsGetTheirFullName() throws DecoderException {
        javaNames.put(4242, "ebpfx-a-java-thread-name-longer-than-15");
        assertEquals("ebpfx-a-java-thread-name-longer-than-15", decoder.decode("4242"));
    }

    @Test
    void otherThreadsGetTheirProcName() throws Exception {
        Thread.currentThread().setName("ebpfx-decoder-unit-test");
        String tid = currentTid();
        assertEquals("ebpfx-decoder-", Files.readString(PROC.resolve(tid).resolve("comm")).strip().substring(0, 14),
                "the JVM sets the kernel name of its threads, truncated to 15 bytes");
        assertEquals(Files.readString(PROC.resolve(tid).resolve("comm")).strip(), decoder.decode(tid));
    }

    @Test
    void threadsThatDoNotExistAreUnknown() throws DecoderException {
        assertEquals("unknown_thread:" + NO_SUCH_TID, decoder.decode(NO_SUCH_TID));
    }

    @Test
    void aFailingLookupIsADecoderErrorNotAnotherName() throws Exception {
        JavaThreadDecoder failing = new JavaThreadDecoder(tid -> {
            throw new IllegalStateException("object closed");
        }, PROC, 1_000, now::get);
        String tid = currentTid();
        DecoderException e = assertThrows(DecoderException.class, () -> failing.decode(tid));
        assertEquals("java_thread: looking up the Java name of thread " + tid
                + " failed: java.lang.IllegalStateException: object closed", e.getMessage());
    }

    @Test
    void anUnreadableProcIsADecoderError(@TempDir Path notProc) throws Exception {
        // A directory where comm should be: reading it fails with an IOException other than "no such file".
        Files.createDirectories(notProc.resolve("42").resolve("comm"));
        JavaThreadDecoder decoder = new JavaThreadDecoder(JavaThreadDecoder.Names.NONE, notProc, 1_000, now::get);
        DecoderException e = assertThrows(DecoderException.class, () -> decoder.decode("42"));
        assertTrue(e.getMessage().startsWith("java_thread: cannot read " + notProc.resolve("42/comm") + ": "),
                e.getMessage());
    }

    @Test
    void namesAreLookedUpAgainAfterTheRefreshPeriod() throws DecoderException {
        javaNames.put(7, "first-owner-of-tid-7");
        assertEquals("first-owner-of-tid-7", decoder.decode("7"));
        javaNames.put(7, "second-owner-of-tid-7");
        now.addAndGet(999);
        assertEquals("first-owner-of-tid-7", decoder.decode("7"), "kept within the refresh period");
        now.addAndGet(1);
        assertEquals("second-owner-of-tid-7", decoder.decode("7"));
    }

    @Test
    void rejectsWhatIsNotAThreadId() {
        assertThrows(DecoderException.class, () -> decoder.decode("x"));
        assertThrows(DecoderException.class, () -> decoder.decode("4294967296"));
        assertThrows(DecoderException.class, () -> decoder.decode("-1"));
    }

    @Test
    void keysWithAJavaThreadLabelAreNotCached() {
        DecoderRegistry registry = DecoderVectorsTest.REGISTRY;
        assertFalse(registry.create(new DecoderSpec("java_thread", Map.of(), false, List.of())).cacheable());
        KeyDecoder withThread = new KeyDecoder(List.of(label("tid", "uint", "java_thread"), label("n", "uint")),
                registry);
        KeyDecoder without = new KeyDecoder(List.of(label("tid", "uint")), registry);
        assertFalse(withThread.cacheable());
        assertTrue(without.cacheable());
    }

    private static Label label(String name, String... decoders) {
        return new Label(name, 4, 0,
                List.of(decoders).stream().map(d -> new DecoderSpec(d, Map.of(), false, List.of())).toList());
    }

    /** This thread's kernel id: {@code /proc/thread-self} links to {@code PID/task/TID}. */
    static String currentTid() throws IOException {
        return Files.readSymbolicLink(PROC.resolve("thread-self")).getFileName().toString();
    }
}
