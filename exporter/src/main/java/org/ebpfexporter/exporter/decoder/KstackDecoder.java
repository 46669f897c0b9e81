package org.ebpfexporter.exporter.decoder;

import java.util.StringJoiner;
import java.util.function.Supplier;
import org.ebpfexporter.bpf.Kallsyms;

/**
 * {@code kstack}: an array of little-endian u64 kernel frame addresses (a stack copied into the
 * key) as the names of the symbols containing them, one per line, up to the first zero address;
 * frames outside every symbol print as {@code ??}.
 */
public final class KstackDecoder implements Decoder {
    private final Supplier<Kallsyms> kallsyms;

    /** @param kallsyms the symbol table, fetched on first use */
    public KstackDecoder(Supplier<Kallsyms> kallsyms) {
        this.kallsyms = kallsyms;
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        if (length % 8 != 0) {
            throw new DecoderException("kstack: expected 8 byte addresses, got " + length + " bytes");
        }
        StringJoiner stack = new StringJoiner("\n");
        for (int at = offset; at < offset + length; at += 8) {
            long address = LittleEndian.read(input, at, 8);
            if (address == 0) {
                break;
            }
            stack.add(kallsyms.get().symbolContaining(address).orElse("??"));
        }
        return stack.toString();
    }
}
