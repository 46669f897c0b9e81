package org.ebpfexporter.exporter.decoder;

import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into a label value. The first decoder of a chain gets the label's slice of the raw
 * map key; each next one gets the UTF-8 bytes of the previous decoder's output.
 */
public interface Decoder {
    /**
     * Returned to drop the whole label set (for example by {@code regexp} when nothing matches);
     * compare with {@link #isSkip}, by identity.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    String SKIP = new String("<skip>");

    /**
     * Decodes {@code length} bytes of {@code input} from {@code offset}.
     *
     * @return the label value, or {@link #SKIP}
     * @throws DecoderException when the bytes cannot be decoded
     */
    String decode(byte[] input, int offset, int length) throws DecoderException;

    /** Decodes the whole array. */
    default String decode(byte[] input) throws DecoderException {
        return decode(input, 0, input.length);
    }

    /** Decodes the UTF-8 bytes of a string, as the next decoder of a chain does. */
    default String decode(String input) throws DecoderException {
        return decode(input.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a value may be cached by raw key for as long as the key is seen. Decoders whose
     * output for the same bytes changes over time (such as {@code java_thread}: thread ids are
     * reused) return false, and the label sets they take part in are decoded at every read.
     */
    default boolean cacheable() {
        return true;
    }

    /** Whether a decoded value is the {@link #SKIP} marker. */
    @SuppressWarnings("StringEquality")
    static boolean isSkip(String value) {
        return value == SKIP;
    }
}
