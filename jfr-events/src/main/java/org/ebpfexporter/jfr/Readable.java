package org.ebpfexporter.jfr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Human-readable labels for JDK Mission Control from Prometheus names: words split at
 * {@code _}, capitalised, known abbreviations in capitals, and the {@code _total} suffix and a
 * trailing unit left out (JMC shows the unit with each value): {@code bio_latency_seconds} reads
 * {@code BIO Latency}, {@code jvm_threads_started_total} reads {@code JVM Threads Started}.
 */
final class Readable {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("bio", "BIO"), Map.entry("bpf", "BPF"), Map.entry("cpu", "CPU"),
            Map.entry("dns", "DNS"), Map.entry("ebpf", "eBPF"), Map.entry("gc", "GC"),
            Map.entry("id", "ID"), Map.entry("io", "I/O"), Map.entry("ip", "IP"),
            Map.entry("irq", "IRQ"), Map.entry("jvm", "JVM"), Map.entry("nfs", "NFS"),
            Map.entry("oom", "OOM"), Map.entry("pci", "PCI"), Map.entry("tcp", "TCP"),
            Map.entry("udp", "UDP"), Map.entry("xdp", "XDP"), Map.entry("jfr", "JFR"),
            Map.entry("jmx", "JMX"), Map.entry("tlb", "TLB"), Map.entry("numa", "NUMA"));
    private static final List<String> DROPPED_SUFFIXES = List.of("total", "seconds", "bytes");

    private Readable() {
    }

    /** The label of a metric (without the exporter's prefix) or of a label name. */
    static String label(String name) {
        List<String> words = new ArrayList<>(List.of(name.split("_+")));
        words.removeIf(String::isEmpty);
        while (words.size() > 1 && DROPPED_SUFFIXES.contains(words.getLast())) {
            words.removeLast();
        }
        if (words.isEmpty()) {
            return name;
        }
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String known = WORDS.get(word.toLowerCase(java.util.Locale.ROOT));
            text.append(known != null ? known : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return text.toString();
    }
}
