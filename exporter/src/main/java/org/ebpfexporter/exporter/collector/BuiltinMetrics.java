package org.ebpfexporter.exporter.collector;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ebpfexporter.bpf.ProgramInfo;
import org.ebpfexporter.exporter.exposition.VerbatimCounterSnapshot;

/**
 * The exporter's own metrics, named and labelled as upstream's: enabled configs, program info,
 * whether each program attached, run time and count (while {@code kernel.bpf_stats_enabled} is 1),
 * and build info. A program whose info cannot be read is left out of the scrape and counted in
 * {@code ebpf_exporter_decoder_errors_total} of its config.
 */
public final class BuiltinMetrics implements MultiCollector {
    private static final Path BPF_STATS_ENABLED = Path.of("/proc/sys/kernel/bpf_stats_enabled");
    private static final double NANOS_PER_SECOND = 1e9;

    private final List<String> configs;
    private final List<LoadedProgram> programs;
    private final DecoderErrors errors;
    private final BooleanSupplier statsEnabled;

    /**
     * Built-ins of running configs, with run statistics when the kernel keeps them.
     *
     * @param errors where a program whose info cannot be read is counted, under its config
     */
    public BuiltinMetrics(List<String> configs, List<LoadedProgram> programs, DecoderErrors errors) {
        this(configs, programs, errors, BuiltinMetrics::kernelStatsEnabled);
    }

    BuiltinMetrics(List<String> configs, List<LoadedProgram> programs, DecoderErrors errors,
                   BooleanSupplier statsEnabled) {
        this.configs = List.copyOf(configs);
        this.programs = List.copyOf(programs);
        this.errors = errors;
        this.statsEnabled = statsEnabled;
    }

    @Override
    public MetricSnapshots collect() {
        List<GaugeDataPointSnapshot> enabled = new ArrayList<>();
        for (String config : configs) {
            enabled.add(gauge(1, "name", config));
        }
        List<GaugeDataPointSnapshot> info = new ArrayList<>();
        List<GaugeDataPointSnapshot> attached = new ArrayList<>();
        List<CounterDataPointSnapshot> runTime = new ArrayList<>();
        List<CounterDataPointSnapshot> runCount = new ArrayList<>();
        boolean stats = statsEnabled.getAsBoolean();
        for (LoadedProgram loaded : programs) {
            ProgramInfo program = info(loaded);
            if (program == null) {
                continue;
            }
            String id = Integer.toString(program.id());
            info.add(gauge(1, "config", loaded.config(), "id", id, "program", loaded.program().name(),
                    "tag", program.tag()));
            attached.add(gauge(loaded.attached() ? 1 : 0, "id", id));
            if (stats) {
                runTime.add(counter(program.runTimeNanos() / NANOS_PER_SECOND, id));
                runCount.add(counter(program.runCount(), id));
            }
        }
        List<MetricSnapshot> snapshots = new ArrayList<>(List.of(
                gauges("ebpf_exporter_enabled_configs", "The set of enabled configs", enabled),
                gauges("ebpf_exporter_ebpf_program_info", "Info about ebpf programs", info),
                gauges("ebpf_exporter_ebpf_program_attached", "Whether a program is attached", attached),
                gauges("ebpf_exporter_build_info", BuildInfo.HELP, List.of(BuildInfo.dataPoint()))));
        if (stats) {
            snapshots.add(new VerbatimCounterSnapshot("ebpf_exporter_ebpf_program_run_time_seconds",
                    "How long has the program been executing", runTime));
            snapshots.add(new VerbatimCounterSnapshot("ebpf_exporter_ebpf_program_run_count_total",
                    "How many times has the program been executed", runCount));
        }
        return new MetricSnapshots(snapshots);
    }

    /** The kernel's info of a program, or {@code null} (counted) when it cannot be read. */
    private ProgramInfo info(LoadedProgram loaded) {
        try {
            return loaded.program().info();
        } catch (RuntimeException e) {
            errors.recordProgram(loaded.config(), loaded.program().name(), e);
            return null;
        }
    }

    static boolean kernelStatsEnabled() {
        try {
            return Files.readString(BPF_STATS_ENABLED).strip().equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    private static GaugeSnapshot gauges(String name, String help, List<GaugeDataPointSnapshot> points) {
        return new GaugeSnapshot(new MetricMetadata(name, help), points);
    }

    private static GaugeDataPointSnapshot gauge(double value, String... labels) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of(labels)).value(value).build();
    }

    private static CounterDataPointSnapshot counter(double value, String id) {
        return CounterDataPointSnapshot.builder().labels(Labels.of("id", id)).value(value).build();
    }
}
