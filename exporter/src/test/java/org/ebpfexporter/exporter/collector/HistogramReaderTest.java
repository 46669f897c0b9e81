package org.ebpfexporter.exporter.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ebpfexporter.exporter.config.BucketType;
import org.ebpfexporter.exporter.config.Histogram;
import org.ebpfexporter.exporter.config.Label;
import org.junit.jupiter.api.Test;

/** Histogram math on in-memory map rows: bounds, back-fill, cumulative counts, sum, count, CPUs. */
class HistogramReaderTest {
    private static final Label OP = FakeRows.label("op", Map.of());
    private static final Label BUCKET = FakeRows.label("bucket", Map.of());
    private static final Label CPU = FakeRows.label("cpu", Map.of());

    private final DecoderErrors errors = new DecoderErrors();

    @Test
    void exp2BucketsAreBackFilledCumulativeWithSumAndCount() {
        FakeRows rows = new FakeRows(1)
                .row(new int[] {0, 1}, 2)
                .row(new int[] {0, 3}, 1)
                .row(new int[] {0, 4}, 10) // the sum key, bucket_max + 1
                .row(new int[] {0, 7}, 100) // beyond the range: ignored, as upstream
                .row(new int[] {1, 0}, 5);
        Map<String, String> series = series(read(BucketType.EXP2, 0.5, 0, 3, List.of(), List.of(OP, BUCKET), false, rows));
        assertEquals(Map.of(
                "{op=\"0\"}", "0.5:0 1.0:2 2.0:2 4.0:3 +Inf:3 sum=5.0 count=3",
                "{op=\"1\"}", "0.5:5 1.0:5 2.0:5 4.0:5 +Inf:5 sum=0.0 count=5"), series);
    }

    @Test
    void exp2zeroLinearAndFixedBounds() {
        FakeRows rows = new FakeRows(1).row(new int[] {0}, 1).row(new int[] {2}, 3).row(new int[] {5}, 8);
        assertEquals(Map.of("{}", "0.0:1 1.0:1 2.0:4 4.0:4 8.0:4 +Inf:4 sum=8.0 count=4"),
                series(read(BucketType.EXP2ZERO, 1, 0, 4, List.of(), List.of(BUCKET), false, rows)));
        rows = new FakeRows(1).row(new int[] {1}, 1).row(new int[] {3}, 2).row(new int[] {4}, 30);
        assertEquals(Map.of("{}", "10.0:1 20.0:1 30.0:3 +Inf:3 sum=300.0 count=3"),
                series(read(BucketType.LINEAR, 10, 1, 3, List.of(), List.of(BUCKET), false, rows)));
        rows = new FakeRows(1).row(new int[] {5}, 4).row(new int[] {20}, 1).row(new int[] {21}, 40).row(new int[] {7}, 9);
        assertEquals(Map.of("{}", "0.25:0 1.25:4 5.0:5 +Inf:5 sum=10.0 count=5"),
                series(read(BucketType.FIXED, 0.25, 0, 0, List.of(1.0, 5.0, 20.0), List.of(BUCKET), false, rows)));
    }

    @Test
    void equalLabelSetsAreSummed() {
        Label op = FakeRows.label("op", Map.of("0", "io", "1", "io"));
        FakeRows rows = new FakeRows(1)
                .row(new int[] {0, 0}, 1).row(new int[] {1, 0}, 2).row(new int[] {1, 1}, 4)
                .row(new int[] {0, 2}, 3).row(new int[] {1, 2}, 4);
        assertEquals(Map.of("{op=\"io\"}", "1.0:3 2.0:7 +Inf:7 sum=7.0 count=7"),
                series(read(BucketType.EXP2, 1, 0, 1, List.of(), List.of(op, BUCKET), false, rows)));
    }

    @Test
    void perCpuValuesAreSummedWithoutACpuLabel() {
        FakeRows rows = new FakeRows(2).row(new int[] {0}, 1, 2).row(new int[] {1}, 0, 5).row(new int[] {2}, 3, 4);
        assertEquals(Map.of("{}", "1.0:3 2.0:8 +Inf:8 sum=7.0 count=8"),
                series(read(BucketType.EXP2, 1, 0, 1, List.of(), List.of(BUCKET), true, rows)));
    }

    @Test
    void perCpuValuesAreSplitByALastCpuLabel() {
        FakeRows rows = new FakeRows(2).row(new int[] {0}, 1, 2).row(new int[] {1}, 0, 5).row(new int[] {2}, 3, 4);
        assertEquals(Map.of(
                "{cpu=\"0\"}", "1.0:1 2.0:1 +Inf:1 sum=3.0 count=1",
                "{cpu=\"1\"}", "1.0:2 2.0:7 +Inf:7 sum=4.0 count=7"),
                series(read(BucketType.EXP2, 1, 0, 1, List.of(), List.of(BUCKET, CPU), true, rows)));
    }

    @Test
    void aCpuLabelOfAMapThatIsNotPerCpuIsAKeyLabel() {
        FakeRows rows = new FakeRows(1).row(new int[] {0, 3}, 1);
        assertEquals(Map.of("{bucket=\"0\"}", "1.0:0 2.0:0 +Inf:0 sum=0.0 count=0"),
                series(read(BucketType.EXP2, 1, 0, 1, List.of(), List.of(BUCKET, CPU), false, rows)),
                "the last key label, cpu, is the bucket: key 3 is ignored");
    }

    @Test
    void countsHugeU64ValuesUnsigned() {
        FakeRows rows = new FakeRows(1).row(new int[] {2}, -1L);
        assertEquals(Map.of("{}", "1.0:0 2.0:0 +Inf:0 sum=1.8446744073709552E19 count=0"),
                series(read(BucketType.EXP2, 1, 0, 1, List.of(), List.of(BUCKET), false, rows)));
    }

    @Test
    void aBucketThatIsNotAnIntegerIsCountedAsAnErrorAndSkipped() {
        Label bucket = FakeRows.label("bucket", Map.of("0", "zero", "1", "1"));
        FakeRows rows = new FakeRows(1).row(new int[] {0}, 7).row(new int[] {1}, 2);
        assertEquals(Map.of("{}", "1.0:0 2.0:2 +Inf:2 sum=0.0 count=2"),
                series(read(BucketType.EXP2, 1, 0, 1, List.of(), List.of(bucket), false, rows)));
        assertEquals(1, errors.count("test"));
    }

    @Test
    void aFailedReadIsCountedAndServesNoSeries() {
        Histogram histogram = BucketLayoutTest.histogram(BucketType.EXP2, 1, 0, 1, List.of());
        MapTable table = FakeRows.table(List.of(BUCKET), false, errors, () -> {
            throw new IllegalStateException("map gone");
        });
        HistogramSnapshot snapshot = (HistogramSnapshot) new HistogramReader(histogram, BucketLayout.of(histogram), table)
                .collect();
        assertEquals(0, snapshot.getDataPoints().size());
        assertEquals("ebpf_exporter_latency_seconds", snapshot.getMetadata().getName());
        assertEquals(1, errors.count("test"));
    }

    private HistogramSnapshot read(BucketType type, double multiplier, int min, int max, List<Double> keys,
                                   List<Label> labels, boolean perCpu, FakeRows rows) {
        Histogram histogram = new Histogram("latency_seconds", "Latency", labels, type, multiplier, min, max, keys);
        MapTable table = FakeRows.table(labels, perCpu, errors, () -> rows);
        return (HistogramSnapshot) new HistogramReader(histogram, BucketLayout.of(histogram), table).collect();
    }

    /** Each series as "le:cumulative ... sum=S count=C", by its labels. */
    static Map<String, String> series(HistogramSnapshot snapshot) {
        Map<String, String> series = new TreeMap<>();
        for (HistogramDataPointSnapshot point : snapshot.getDataPoints()) {
            ClassicHistogramBuckets buckets = point.getClassicBuckets();
            List<String> parts = new ArrayList<>();
            long cumulative = 0;
            for (int i = 0; i < buckets.size(); i++) {
                cumulative += buckets.getCount(i);
                double le = buckets.getUpperBound(i);
                parts.add((Double.isInfinite(le) ? "+Inf" : String.valueOf(le)) + ":" + cumulative);
            }
            parts.add("sum=" + point.getSum());
            parts.add("count=" + point.getCount());
            series.put(labels(point), String.join(" ", parts));
        }
        return series;
    }

    private static String labels(HistogramDataPointSnapshot point) {
        List<String> pairs = new ArrayList<>();
        point.getLabels().forEach(l -> pairs.add(l.getName() + "=\"" + l.getValue() + "\""));
        return "{" + String.join(",", pairs) + "}";
    }
}
