package org.ebpfexporter.benchmark;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.exporter.Exporter;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.exposition.GoTextFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scrape of a counter whose map holds {@code entries} keys, through the exporter: a batch
 * read, label decoding through the label cache (warm after the first scrape), aggregation into a
 * snapshot, and, for {@code textScrape}, the Go-compatible text format. Needs root; uses the bpf
 * module's test object {@code maps.bpf.o} (system property {@code bench.maps.object}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScrapeBenchmark {
    private static final String CONFIG = "maps";
    private static final String YAML = """
            metrics:
              counters:
                - name: hash_100k
                  help: Values of the benchmark's hash map, by key
                  labels:
                    - name: key
                      size: 4
                      decoders:
                        - name: uint
            """;

    @Param({"1000", "100000"})
    public int entries;

    private Path dir;
    private Exporter exporter;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream(1 << 24);

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("scrape-benchmark");
        Files.copy(Path.of(System.getProperty("bench.maps.object", "bpf/target/test-bpf/maps.bpf.o")),
                dir.resolve(CONFIG + ".bpf.o"));
        Files.writeString(dir.resolve(CONFIG + ".yaml"), YAML);
        exporter = Exporter.start(dir, List.of(CONFIG), new DecoderErrors());
        fill(exporter.map(CONFIG, "hash_100k"), entries);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        exporter.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public MetricSnapshots collect() {
        return exporter.collector().collect();
    }

    @Benchmark
    public int textScrape() throws IOException {
        text.reset();
        GoTextFormat.write(text, exporter.collector().collect());
        return text.size();
    }

    private static void fill(BpfMap map, int entries) {
        ByteBuffer key = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        for (int i = 0; i < entries; i++) {
            map.update(key.putInt(0, i).array(), value.putLong(0, i + 1L).array());
        }
    }
}
