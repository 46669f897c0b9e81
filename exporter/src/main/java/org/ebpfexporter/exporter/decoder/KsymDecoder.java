package org.ebpfexporter.exporter.decoder;

import java.util.function.Supplier;
import org.ebpfexporter.bpf.Kallsyms;

/**
 * {@code ksym}: a little-endian kernel address, as the name of the symbol starting exactly there,
 * or {@code unknown_addr:0xADDRESS}.
 */
public final class KsymDecoder implements Decoder {
    private final Supplier<Kallsyms> kallsyms;

    /** @param kallsyms the symbol table, fetched on first use (reading it costs tens of milliseconds) */
    public KsymDecoder(Supplier<Kallsyms> kallsyms) {
        this.kallsyms = kallsyms;
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        if (length != 8) {
            throw new DecoderException("ksym: expected an 8 byte address, got " + length + " bytes");
        }
        long address = LittleEndian.read(input, offset, 8);
        return kallsyms.get().symbolAt(address).orElseGet(() -> "unknown_addr:0x" + Long.toHexString(address));
    }
}
