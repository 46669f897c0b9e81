package org.ebpfexporter.exporter;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ebpfexporter.bpf.BpfAttachException;
import org.ebpfexporter.bpf.BpfException;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.BpfProgram;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.exporter.collector.BucketLayout;
import org.ebpfexporter.exporter.collector.CounterReader;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.collector.EbpfCollector;
import org.ebpfexporter.exporter.collector.HistogramReader;
import org.ebpfexporter.exporter.collector.LoadedProgram;
import org.ebpfexporter.exporter.collector.MapTable;
import org.ebpfexporter.exporter.collector.MetricReader;
import org.ebpfexporter.exporter.collector.TableLabels;
import org.ebpfexporter.exporter.collector.MetricNames;
import org.ebpfexporter.exporter.config.Config;
import org.ebpfexporter.exporter.config.ConfigException;
import org.ebpfexporter.exporter.config.ConfigLoader;
import org.ebpfexporter.exporter.config.ConfigSet;
import org.ebpfexporter.exporter.config.ConfigSource;
import org.ebpfexporter.exporter.config.Counter;
import org.ebpfexporter.exporter.config.Histogram;
import org.ebpfexporter.exporter.config.InputFiles;
import org.ebpfexporter.exporter.config.Label;
import org.ebpfexporter.exporter.decoder.DecoderRegistry;
import org.ebpfexporter.exporter.decoder.HostFiles;

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
    private final List<LoadedProgram> programs;
    private final Map<String, String> metricConfigs;

    private Exporter(Deque<BpfObject> objects, EbpfCollector collector, List<String> configNames,
                     List<LoadedProgram> programs, Map<String, String> metricConfigs) {
        this.objects = objects;
        this.collector = collector;
        this.configNames = List.copyOf(configNames);
        this.programs = List.copyOf(programs);
        this.metricConfigs = Map.copyOf(metricConfigs);
    }

    /** Loads and attaches the named configs of a directory with {@link ExporterOptions#DEFAULTS}. */
    public static Exporter start(Path dir, List<String> names, DecoderErrors errors) {
        return start(dir, names, errors, ExporterOptions.DEFAULTS);
    }

    /**
     * Loads and attaches the named configs of a directory.
     *
     * @param dir    directory holding {@code NAME.yaml} and {@code NAME.bpf.o}
     * @param names  config names
     * @param errors  where scrape-time failures are counted
     * @param options BTF, strictness and cache sizes
     * @throws ConfigException for an invalid config, {@link ExporterException} when BPF refuses it;
     *                         whatever was already loaded is closed first
     */
    public static Exporter start(Path dir, List<String> names, DecoderErrors errors, ExporterOptions options) {
        return start(ConfigSource.directory(dir), names, errors, options);
    }

    /**
     * Loads and attaches the named configs of a source, a directory or an embedded set. Each file
     * is read whole, within its bound (see {@link InputFiles}); objects are opened from memory.
     *
     * @param source  where {@code NAME.yaml} and {@code NAME.bpf.o} are
     * @param names   config names
     * @param errors  where scrape-time failures are counted
     * @param options BTF, strictness and cache sizes
     * @throws ConfigException for an invalid config or file, {@link ExporterException} when BPF
     *                         refuses it; whatever was already loaded is closed first
     */
    public static Exporter start(ConfigSource source, List<String> names, DecoderErrors errors,
                                 ExporterOptions options) {
        if (options.btfPath() != null) {
            checkBtf(options.btfPath());
        }
        Supplier<Kallsyms> kallsyms = new KallsymsOnce();
        JavaThreadNames javaThreads = new JavaThreadNames();
        DecoderRegistry registry = new DecoderRegistry(kallsyms, HostFiles.system(), javaThreads);
        ConfigLoader loader = new ConfigLoader(registry.names());
        Deque<BpfObject> objects = new ArrayDeque<>();
        List<MetricReader> readers = new ArrayList<>();
        List<LoadedProgram> programs = new ArrayList<>();
        Map<String, String> metricConfigs = new HashMap<>();
        List<Config> configs = ConfigSet.load(loader, source, names);
        try {
            javaThreads.load(configs, options).ifPresent(objects::push);
            for (Config config : configs) {
                String name = config.name();
                logUnserved(config);
                BpfObject object = open(source, config, kallsyms, options);
                objects.push(object);
                programs.addAll(ProgramAttacher.attachAll(config.name(), object, options));
                readers.addAll(readers(source.describe(name + ".yaml"), config, object, registry, errors));
                errors.initialize(name);
                config.metrics().counters().forEach(c -> metricConfigs.put(MetricNames.served(c.name()), name));
                config.metrics().histograms().forEach(h -> metricConfigs.put(MetricNames.served(h.name()), name));
                logger.log(System.Logger.Level.INFO, "config {0}: {1} programs attached, {2} counters, {3} histograms",
                        name, object.programs().size(), config.metrics().counters().size(),
                        config.metrics().histograms().size());
            }
        } catch (RuntimeException e) {
            closeAll(objects);
            throw e;
        }
        return new Exporter(objects, new EbpfCollector(readers), names, programs, metricConfigs);
    }

    /** The collector of every configured metric, to register with a registry. */
    public EbpfCollector collector() {
        return collector;
    }

    /** Every program of every running config, attached or not. */
    public List<LoadedProgram> programs() {
        return programs;
    }

    /** The configs running. */
    public List<String> configNames() {
        return configNames;
    }

    /**
     * A map of a running config, for tools that look into it (benchmarks filling it, debugging).
     *
     * @throws IllegalArgumentException when no such config runs
     * @throws org.ebpfexporter.bpf.BpfMapException when the config's object has no such map
     */
    public BpfMap map(String config, String map) {
        String file = config + ".bpf.o";
        return objects.stream().filter(object -> object.path().getFileName().toString().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("config " + config + " is not running"))
                .map(map);
    }

    /**
     * The config that defines a served metric.
     *
     * @param metric the metric name as served on {@code /metrics}, such as
     *               {@code ebpf_exporter_timer_starts_total}
     * @return the config name, or empty for a metric no config defines (a built-in one)
     */
    public Optional<String> configOf(String metric) {
        return Optional.ofNullable(metricConfigs.get(metric));
    }

    /** Detaches every program and unloads every object, newest first. Idempotent. */
    @Override
    public void close() {
        closeAll(objects);
    }

    private static void logUnserved(Config config) {
        if (!config.tracing().spans().isEmpty()) {
            logger.log(System.Logger.Level.WARNING, "config {0}: tracing is not exported yet, {1} spans ignored",
                    config.name(), config.tracing().spans().size());
        }
        config.cgroupIdMap().ifPresent(map -> logger.log(System.Logger.Level.WARNING,
                "config {0}: cgroup_id_map {1} is not filled yet", config.name(), map.name()));
    }

    private static void checkBtf(Path btf) {
        try {
            InputFiles.check(btf, InputFiles.BTF_MAX_BYTES);
        } catch (ConfigException e) {
            throw new ConfigException("--btf.path: " + e.getMessage(), e);
        }
    }

    private static BpfObject open(ConfigSource source, Config config, Supplier<Kallsyms> kallsyms,
                                  ExporterOptions options) {
        String file = config.name() + ".bpf.o";
        byte[] image;
        try {
            image = source.read(file, InputFiles.OBJECT_MAX_BYTES);
        } catch (ConfigException e) {
            throw new ConfigException("config " + config.name() + ": " + e.getMessage(), e);
        }
        BpfObject object = null;
        try {
            object = BpfObject.open(image, source.describe(file), options.btfPath());
            options.jvm().identity().applyTo(object);
            for (String symbol : config.kaddrs()) {
                long address = kallsyms.get().address(symbol).orElseThrow(() -> new ExporterException(
                        "config " + config.name() + ": kaddrs: kernel symbol " + symbol + " not found in /proc/kallsyms",
                        null));
                object.setGlobal("kaddr_" + symbol, address);
            }
            object.load();
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

    private static List<MetricReader> readers(String file, Config config, BpfObject object, DecoderRegistry registry,
                                              DecoderErrors errors) {
        List<MetricReader> readers = new ArrayList<>();
        for (Counter counter : config.metrics().counters()) {
            if (counter.perfEventArray()) {
                throw new ConfigException(file + ": counter " + counter.name()
                        + ": perf_event_array: not supported yet, use a hash map");
            }
            MapTable table = table(file, config.name(), "counter", counter.name(), counter.labels(), object, registry, errors);
            readers.add(new CounterReader(counter, table));
        }
        for (Histogram histogram : config.metrics().histograms()) {
            String where = file + ": histogram " + histogram.name() + ": ";
            BucketLayout layout = BucketLayout.of(histogram);
            MapTable table = table(file, config.name(), "histogram", histogram.name(), histogram.labels(), object,
                    registry, errors);
            try {
                readers.add(new HistogramReader(histogram, layout, table));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + e.getMessage());
            }
        }
        return readers;
    }

    /** The map of a metric, checked against its labels: key size, u64 values, decoders. */
    private static MapTable table(String file, String configName, String kind, String name, List<Label> labels,
                                  BpfObject object, DecoderRegistry registry, DecoderErrors errors) {
        String where = file + ": " + kind + " " + name + ": ";
        BpfMap map = mapOf(file, object, kind, name);
        TableLabels split = TableLabels.of(labels, map.type().perCpu());
        if (map.keySize() != split.keySize()) {
            throw new ConfigException(where + "labels: sizes add up to " + split.keySize() + " bytes but map "
                    + map.name() + " has " + map.keySize() + " byte keys"
                    + (split.cpuLabel() != null ? " (the last label, cpu, of a per-CPU map is not part of the key)" : ""));
        }
        if (map.valueSize() != Long.BYTES) {
            throw new ConfigException(where + "map " + map.name() + " has " + map.valueSize()
                    + " byte values, expected 8 (u64)");
        }
        try {
            return MapTable.of(configName, name, split, map, registry, errors);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + "labels: " + e.getMessage());
        }
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

    static String firstLine(String message) {
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
