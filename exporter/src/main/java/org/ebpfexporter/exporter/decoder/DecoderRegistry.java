package org.ebpfexporter.exporter.decoder;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.exporter.config.DecoderSpec;

/** The decoders by config name; builds a {@link Decoder} from its {@link DecoderSpec}. */
public final class DecoderRegistry {
    private final Map<String, Function<DecoderSpec, Decoder>> factories;

    /** @param kallsyms the kernel symbol table for {@code ksym}, fetched on first use */
    public DecoderRegistry(Supplier<Kallsyms> kallsyms) {
        Decoder ksym = new KsymDecoder(kallsyms);
        Decoder uint = new UintDecoder();
        Decoder string = new StringDecoder();
        Decoder hex = new HexDecoder();
        Decoder syscall = new SyscallDecoder();
        Decoder errno = new ErrnoDecoder();
        factories = Map.of(
                "uint", spec -> uint,
                "string", spec -> string,
                "hex", spec -> hex,
                "ksym", spec -> ksym,
                "syscall", spec -> syscall,
                "errno", spec -> errno,
                "static_map", spec -> new StaticMapDecoder(spec.staticMap(), spec.allowUnknown()),
                "regexp", spec -> new RegexpDecoder(spec.regexps()));
    }

    /** The decoder names configs may use. */
    public Set<String> names() {
        return factories.keySet();
    }

    /**
     * Builds the decoder a spec names.
     *
     * @throws IllegalArgumentException for an unknown name or invalid options
     */
    public Decoder create(DecoderSpec spec) {
        Function<DecoderSpec, Decoder> factory = factories.get(spec.name());
        if (factory == null) {
            throw new IllegalArgumentException("unknown decoder \"" + spec.name() + "\"");
        }
        return factory.apply(spec);
    }
}
