package org.ebpfexporter.exporter.decoder;

import java.util.Arrays;
import java.util.List;
import org.ebpfexporter.exporter.config.Label;

/**
 * Decodes a whole map key into label values: each label takes its {@code size} bytes in order,
 * skips its {@code padding}, and runs its decoder chain.
 */
public final class KeyDecoder {
    private final List<String> names;
    private final int[] offsets;
    private final int[] sizes;
    private final Decoder[][] chains;
    private final int keySize;
    private final boolean cacheable;

    /** Builds the decoders of every label. */
    public KeyDecoder(List<Label> labels, DecoderRegistry registry) {
        names = labels.stream().map(Label::name).toList();
        offsets = new int[labels.size()];
        sizes = new int[labels.size()];
        chains = new Decoder[labels.size()][];
        int offset = 0;
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            offsets[i] = offset;
            sizes[i] = label.size();
            chains[i] = label.decoders().stream().map(registry::create).toArray(Decoder[]::new);
            offset += label.span();
        }
        keySize = offset;
        cacheable = Arrays.stream(chains).flatMap(Arrays::stream).allMatch(Decoder::cacheable);
    }

    /** The label names, in key order. */
    public List<String> labelNames() {
        return names;
    }

    /** The key size the labels cover, padding included. */
    public int keySize() {
        return keySize;
    }

    /** Whether every decoder of every label is {@link Decoder#cacheable}: then decoded keys may be cached. */
    public boolean cacheable() {
        return cacheable;
    }

    /**
     * Decodes one key.
     *
     * @return the label values in label order, or {@code null} when a decoder asked to skip the key
     * @throws DecoderException when the key size does not match the labels or a decoder fails
     */
    public String[] decode(byte[] key) throws DecoderException {
        if (key.length != keySize) {
            throw new DecoderException("key is " + key.length + " bytes but labels " + names + " cover " + keySize);
        }
        String[] values = new String[chains.length];
        for (int i = 0; i < chains.length; i++) {
            String value = chains[i][0].decode(key, offsets[i], sizes[i]);
            for (int d = 1; d < chains[i].length && !Decoder.isSkip(value); d++) {
                value = chains[i][d].decode(value);
            }
            if (Decoder.isSkip(value)) {
                return null;
            }
            values[i] = value;
        }
        return values;
    }
}
