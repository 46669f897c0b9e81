package org.ebpfexporter.exporter.decoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code java_thread}: a Linux thread id (decimal text, as {@code uint} outputs) as the full name
 * of its Java thread, learned from HotSpot's {@code thread__start} probe in the target JVM (see
 * {@link Names}); for any other thread, or without a JVM target, the kernel's name of the thread
 * from {@code /proc/TID/comm} (at most 15 characters); for a thread that no longer exists,
 * {@code unknown_thread:TID}. A failed lookup of the Java name, or a {@code /proc} read that
 * fails other than for a missing thread, is a decoder error (counted, and the key tried again at
 * the next scrape) rather than a silently different label.
 *
 * <p>Thread ids are reused once a thread exits, so a name must not outlive its thread: names are
 * kept here at most {@code refreshNanos} before they are looked up again, and label sets holding a
 * {@code java_thread} label are not kept in a metric's label cache ({@link #cacheable} is false).
 * Each scrape thus costs one map lookup (and for a non-Java thread one {@code /proc} read) per
 * thread id not looked up within the refresh period.
 */
public final class JavaThreadDecoder implements Decoder {
    /** Thread ids whose names are kept between lookups. */
    static final int CAPACITY = 65_536;

    /** The Java thread names of the target JVM. */
    @FunctionalInterface
    public interface Names {
        /** No JVM target: every name comes from {@code /proc}. */
        Names NONE = tid -> Optional.empty();

        /**
         * The Java name of a thread.
         *
         * @param tid the thread id as the kernel numbers it
         * @return the name, or empty when the thread is not a known Java thread; may throw, which
         *         fails the key's decoding
         */
        Optional<String> javaName(int tid);
    }

    private record Resolved(String name, long resolvedAt) {}

    private final Names names;
    private final Path proc;
    private final long refreshNanos;
    private final LongSupplier clock;
    private final Map<Integer, Resolved> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Resolved> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * @param names        the Java thread names, or {@link Names#NONE}
     * @param proc         the proc file system, normally {@code /proc}
     * @param refreshNanos how long a name is kept before it is looked up again
     * @param clock        nanosecond clock, such as {@code System::nanoTime}
     */
    public JavaThreadDecoder(Names names, Path proc, long refreshNanos, LongSupplier clock) {
        this.names = names;
        this.proc = proc;
        this.refreshNanos = refreshNanos;
        this.clock = clock;
    }

    @Override
    public synchronized String decode(byte[] input, int offset, int length) throws DecoderException {
        long parsed = NumberTable.parse("java_thread", input, offset, length);
        if (parsed < 0 || parsed > 0xffff_ffffL) {
            throw new DecoderException("java_thread: thread id " + parsed + " is not a u32");
        }
        int tid = (int) parsed;
        long now = clock.getAsLong();
        Resolved entry = entries.get(tid);
        if (entry == null || now - entry.resolvedAt() >= refreshNanos) {
            entry = new Resolved(resolve(tid), now);
            entries.put(tid, entry);
        }
        return entry.name();
    }

    /** Never: a thread id names another thread once its thread has exited. */
    @Override
    public boolean cacheable() {
        return false;
    }

    private String resolve(int tid) throws DecoderException {
        String id = Integer.toUnsignedString(tid);
        Optional<String> name;
        try {
            name = names.javaName(tid);
        } catch (RuntimeException e) {
            // Falling back to the kernel's name would give this thread's series another label for a while.
            throw new DecoderException("java_thread: looking up the Java name of thread " + id + " failed: " + e);
        }
        if (name.isPresent()) {
            return name.get();
        }
        Path comm = proc.resolve(id).resolve("comm");
        try {
            return Files.readString(comm, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return "unknown_thread:" + id;
        } catch (IOException e) {
            throw new DecoderException("java_thread: cannot read " + comm + ": " + e);
        }
    }
}
