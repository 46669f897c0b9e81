package org.ebpfexporter.exporter;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ebpfexporter.bpf.BpfException;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.exporter.collector.CounterReader;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.collector.EbpfCollector;
import org.ebpfexporter.exporter.collector.MetricNames;
import org.ebpfexporter.exporter.config.Config;
import org.ebpfexporter.exporter.config.ConfigException;
import org.ebpfexporter.exporter.config.ConfigLoader;
import org.ebpfexporter.exporter.config.Counter;
import org.ebpfexporter.exporter.config.Histogram;
import org.ebpfexporter.exporter.decoder.DecoderRegistry;
import org.ebpfexporter.exporter.decoder.KeyDecoder;

/**
 * Loads configs and their objects ({@code NAME.yaml} and {@code NAME.bpf.o} of a directory),
 * attaches every program and resolves every metric's map, all at start-up so that scrapes never
 * fail on configuration. Closing detaches and unloads everything.
 */
public final class Exporter implements AutoCloseable {
    private static final System.Logger logger = System.getLogger(Exporter.class.getName());

    private final Deque<BpfObject> objects;
    private final EbpfCollector collector;
    private final List<String> configNames;
    private final Map<String, String> metricConfigs;

    private Exporter(Deque<BpfObject> objects, EbpfCollector collector, List<String> configNames,
                     Map<String, String> metricConfigs) {
        this.objects = objects;
        this.collector = collector;
        this.configNames = List.copyOf(configNames);
        this.metricConfigs = Map.copyOf(metricConfigs);
    }

    /**
     * Loads and attaches the named configs of a directory.
     *
     * @param dir    directory holding {@code NAME.yaml} and {@code NAME.bpf.o}
     * @param names  config names
     * @param errors where scrape-time failures are counted
     * @throws ConfigException for an invalid config, {@link ExporterException} when BPF refuses it;
     *                         whatever was already loaded is closed first
     */
    public static Exporter start(Path dir, List<String> names, DecoderErrors errors) {
        return start(dir, names, errors, JvmTarget.none());
    }

    /**
     * Loads and attaches the named configs of a directory, with programs in plain {@code usdt}
     * sections attached to the probes of {@code target}.
     *
     * @see #start(Path, List, DecoderErrors)
     */
    public static Exporter start(Path dir, List<String> names, DecoderErrors errors, JvmTarget target) {
        Supplier<Kallsyms> kallsyms = new KallsymsOnce();
        DecoderRegistry registry = new DecoderRegistry(kallsyms);
        ConfigLoader loader = new ConfigLoader(registry.names());
        Deque<BpfObject> objects = new ArrayDeque<>();
        List<CounterReader> readers = new ArrayList<>();
        Map<String, String> metricConfigs = new LinkedHashMap<>();
        try {
            for (String name : names) {
                Config config = loader.load(dir, name);
                BpfObject object = open(dir, config, kallsyms, target);
                objects.push(object);
                readers.addAll(readers(config, object, registry, errors));
                errors.initialize(name);
                config.metrics().counters().forEach(c -> metricConfigs.put(MetricNames.served(c.name()), name));
                config.metrics().histograms().forEach(h -> metricConfigs.put(MetricNames.served(h.name()), name));
                logger.log(System.Logger.Level.INFO, "config {0}: {1} programs attached, {2} counters",
                        name, object.programs().size(), config.metrics().counters().size());
            }
        } catch (RuntimeException e) {
            closeAll(objects);
            throw e;
        }
        return new Exporter(objects, new EbpfCollector(readers), names, metricConfigs);
    }

    /** The collector of every configured metric, to register with a registry. */
    public EbpfCollector collector() {
        return collector;
    }

    /** The configs running. */
    public List<String> configNames() {
        return configNames;
    }

    /** The config defining each configured metric, by the metric's served name. */
    public Map<String, String> metricConfigs() {
        return metricConfigs;
    }

    /** Detaches every program and unloads every object, newest first. Idempotent. */
    @Override
    public void close() {
        closeAll(objects);
    }

    private static BpfObject open(Path dir, Config config, Supplier<Kallsyms> kallsyms, JvmTarget target) {
        Path file = dir.resolve(config.name() + ".bpf.o");
        BpfObject object = null;
        try {
            object = BpfObject.open(file);
            target.identity().applyTo(object);
            for (String symbol : config.kaddrs()) {
                long address = kallsyms.get().address(symbol).orElseThrow(() -> new ExporterException(
                        "config " + config.name() + ": kaddrs: kernel symbol " + symbol + " not found in /proc/kallsyms",
                        null));
                object.setGlobal("kaddr_" + symbol, address);
            }
            object.load();
            ProgramAttacher.attachAll(config.name(), object, target);
            return object;
        } catch (BpfException e) {
            if (object != null) {
                object.close();
            }
            throw new ExporterException("config " + config.name() + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            if (object != null) {
                object.close();
            }
            throw e;
        }
    }

    private static List<CounterReader> readers(Config config, BpfObject object, DecoderRegistry registry,
                                               DecoderErrors errors) {
        String file = object.path().resolveSibling(config.name() + ".yaml").toString();
        List<CounterReader> readers = new ArrayList<>();
        for (Counter counter : config.metrics().counters()) {
            if (counter.perfEventArray()) {
                throw new ConfigException(file + ": counter " + counter.name()
                        + ": perf_event_array: not supported yet, use a hash map");
            }
            BpfMap map = mapOf(file, object, "counter", counter.name());
            if (map.keySize() != counter.keySize()) {
                throw new ConfigException(file + ": counter " + counter.name() + ": labels: sizes add up to "
                        + counter.keySize() + " bytes but map " + map.name() + " has " + map.keySize() + " byte keys");
            }
            if (map.valueSize() != Long.BYTES) {
                throw new ConfigException(file + ": counter " + counter.name() + ": map " + map.name() + " has "
                        + map.valueSize() + " byte values, expected 8 (u64)");
            }
            KeyDecoder keyDecoder;
            try {
                keyDecoder = new KeyDecoder(counter.labels(), registry);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file + ": counter " + counter.name() + ": labels: " + e.getMessage());
            }
            readers.add(new CounterReader(config.name(), counter, map, keyDecoder, errors));
        }
        for (Histogram histogram : config.metrics().histograms()) {
            mapOf(file, object, "histogram", histogram.name());
            logger.log(System.Logger.Level.WARNING, "config {0}: histogram {1} is not exported yet",
                    config.name(), histogram.name());
        }
        return readers;
    }

    private static BpfMap mapOf(String file, BpfObject object, String kind, String name) {
        try {
            BpfMap map = object.map(name);
            if (!map.type().iterable()) {
                throw new ConfigException(file + ": " + kind + " " + name + ": map " + name + " is a "
                        + map.type() + " map, which cannot be read as a table");
            }
            return map;
        } catch (BpfException e) {
            throw new ConfigException(file + ": " + kind + " " + name + ": map " + name + " not found in "
                    + object.path() + " (a metric reads the map of the same name)", e);
        }
    }

    private static void closeAll(Deque<BpfObject> objects) {
        synchronized (objects) {
            while (!objects.isEmpty()) {
                BpfObject object = objects.pop();
                try {
                    object.close();
                } catch (RuntimeException e) {
                    logger.log(System.Logger.Level.WARNING, "closing " + object.path() + " failed", e);
                }
            }
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Reads {@code /proc/kallsyms} at most once, and only if a decoder or kaddr needs it. */
    private static final class KallsymsOnce implements Supplier<Kallsyms> {
        private volatile Kallsyms table;

        @Override
        public Kallsyms get() {
            Kallsyms result = table;
            if (result == null) {
                synchronized (this) {
                    result = table;
                    if (result == null) {
                        table = result = Kallsyms.load();
                    }
                }
            }
            return result;
        }
    }
}
