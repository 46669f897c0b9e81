package org.ebpfexporter.exporter.decoder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.exporter.config.DecoderSpec;

/**
 * The decoders by config name; builds a {@link Decoder} from its {@link DecoderSpec}. Decoders
 * without options are shared by every label that uses them, so their caches are too.
 */
public final class DecoderRegistry {
    /** The least time between two walks of the cgroup tree for ids not seen before. */
    static final Duration CGROUP_REFRESH = Duration.ofSeconds(1);
    /** How long {@code java_thread} keeps a thread's name before looking it up again. */
    static final Duration JAVA_THREAD_REFRESH = Duration.ofSeconds(1);

    private final Map<String, Function<DecoderSpec, Decoder>> factories;

    /** @param kallsyms the kernel symbol table for {@code ksym} and {@code kstack}, fetched on first use */
    public DecoderRegistry(Supplier<Kallsyms> kallsyms) {
        this(kallsyms, HostFiles.system());
    }

    /**
     * @param kallsyms the kernel symbol table for {@code ksym} and {@code kstack}, fetched on first use
     * @param files    where host-resolving decoders read their names
     */
    public DecoderRegistry(Supplier<Kallsyms> kallsyms, HostFiles files) {
        this(kallsyms, files, JavaThreadDecoder.Names.NONE);
    }

    /**
     * @param kallsyms    the kernel symbol table for {@code ksym} and {@code kstack}, fetched on first use
     * @param files       where host-resolving decoders read their names
     * @param javaThreads the target JVM's thread names for {@code java_thread}
     */
    public DecoderRegistry(Supplier<Kallsyms> kallsyms, HostFiles files, JavaThreadDecoder.Names javaThreads) {
        PciIds pci = new PciIds(files.pciIds());
        Map<String, Decoder> shared = Map.ofEntries(
                Map.entry("cgroup", new CgroupDecoder(CgroupMount.find(files.mountinfo()),
                        CGROUP_REFRESH.toNanos(), System::nanoTime)),
                Map.entry("dname", new DnameDecoder()),
                Map.entry("errno", new ErrnoDecoder()),
                Map.entry("hex", new HexDecoder()),
                Map.entry("ifname", new IfnameDecoder()),
                Map.entry("java_thread", new JavaThreadDecoder(javaThreads, Path.of("/proc"),
                        JAVA_THREAD_REFRESH.toNanos(), System::nanoTime)),
                Map.entry("inet_ip", new InetIpDecoder()),
                Map.entry("kstack", new KstackDecoder(kallsyms)),
                Map.entry("ksym", new KsymDecoder(kallsyms)),
                Map.entry("majorminor", new MajorMinorDecoder(files.partitions())),
                Map.entry("pci_class", new PciClassDecoder(pci)),
                Map.entry("pci_device", new PciDeviceDecoder(pci)),
                Map.entry("pci_subclass", new PciSubclassDecoder(pci)),
                Map.entry("pci_vendor", new PciVendorDecoder(pci)),
                Map.entry("string", new StringDecoder()),
                Map.entry("syscall", new SyscallDecoder()),
                Map.entry("uint", new UintDecoder()));
        Map<String, Function<DecoderSpec, Decoder>> all = new HashMap<>();
        shared.forEach((name, decoder) -> all.put(name, spec -> decoder));
        all.put("static_map", spec -> new StaticMapDecoder(spec.staticMap(), spec.allowUnknown()));
        all.put("regexp", spec -> new RegexpDecoder(spec.regexps()));
        factories = Map.copyOf(all);
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
