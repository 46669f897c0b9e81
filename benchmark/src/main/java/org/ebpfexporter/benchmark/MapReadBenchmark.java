package org.ebpfexporter.benchmark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.BpfObject;
import org.ebpfexporter.bpf.MapEntries;
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
 * Reading a whole hash map of u32 keys and u64 values: one {@code BPF_MAP_LOOKUP_BATCH} sweep
 * against {@code get_next_key} + {@code lookup} per entry (what upstream's exporter does).
 * Needs root; the map is the bpf module's test object {@code maps.bpf.o} (system property
 * {@code bench.maps.object}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MapReadBenchmark {
    @Param({"1000", "100000"})
    public int entries;

    private BpfObject object;
    private BpfMap map;
    private MapEntries buffer;

    @Setup(Level.Trial)
    public void fill() {
        object = BpfObject.open(Path.of(System.getProperty("bench.maps.object", "bpf/target/test-bpf/maps.bpf.o")));
        object.load();
        map = object.map("hash_100k");
        ByteBuffer key = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        for (int i = 0; i < entries; i++) {
            map.update(key.putInt(0, i).array(), value.putLong(0, i).array());
        }
        buffer = map.newEntries();
    }

    @TearDown(Level.Trial)
    public void close() {
        object.close();
    }

    @Benchmark
    public int batch() {
        return map.readBatch(buffer);
    }

    @Benchmark
    public int keyByKey() {
        return map.readKeyByKey(buffer);
    }
}
