package org.ebpfexporter.exporter.exposition;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes snapshots in the Prometheus text format 0.0.4 as Go's client_golang does: families sorted
 * by name, series sorted by label values, labels sorted by name (client_java's {@link Labels} keep
 * them so), floats spelled by {@link GoFloat}, counts as integers, families without samples left
 * out. Counters are served under {@code name_total} as client_java names them, or verbatim for a
 * {@link VerbatimCounterSnapshot}; info and state-set metrics become gauges, as in client_java's
 * text format.
 */
public final class GoTextFormat {
    /** The content type of this format, as Go's promhttp sends it. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private GoTextFormat() {}

    /** Writes every family with samples to {@code out}, flushed, not closed. */
    public static void write(OutputStream out, MetricSnapshots snapshots) throws IOException {
        List<Family> families = new ArrayList<>();
        for (MetricSnapshot snapshot : snapshots) {
            if (!snapshot.getDataPoints().isEmpty()) {
                families.add(new Family(servedName(snapshot), snapshot));
            }
        }
        families.sort(Comparator.comparing(Family::name, GoTextFormat::compareCodePoints));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (Family family : families) {
            writeFamily(writer, family.name(), family.snapshot());
        }
        writer.flush();
    }

    private static String servedName(MetricSnapshot snapshot) {
        String name = snapshot.getMetadata().getPrometheusName();
        return switch (snapshot) {
            case VerbatimCounterSnapshot counter -> counter.servedName();
            case CounterSnapshot counter -> name + "_total";
            case InfoSnapshot info -> name + "_info";
            default -> name;
        };
    }

    private static void writeFamily(Writer out, String name, MetricSnapshot snapshot) throws IOException {
        String help = snapshot.getMetadata().getHelp();
        out.write("# HELP " + name + " " + escapeHelp(help == null ? "" : help) + "\n");
        out.write("# TYPE " + name + " " + type(snapshot) + "\n");
        for (DataPointSnapshot point : sorted(snapshot.getDataPoints())) {
            Labels labels = point.getLabels();
            switch (point) {
                case CounterSnapshot.CounterDataPointSnapshot p -> sample(out, name, labels, GoFloat.format(p.getValue()));
                case GaugeSnapshot.GaugeDataPointSnapshot p -> sample(out, name, labels, GoFloat.format(p.getValue()));
                case UnknownSnapshot.UnknownDataPointSnapshot p -> sample(out, name, labels, GoFloat.format(p.getValue()));
                case InfoSnapshot.InfoDataPointSnapshot p -> sample(out, name, labels, "1");
                case HistogramSnapshot.HistogramDataPointSnapshot p -> histogram(out, name, p);
                case SummarySnapshot.SummaryDataPointSnapshot p -> summary(out, name, p);
                case StateSetSnapshot.StateSetDataPointSnapshot p -> stateSet(out, name, p);
                default -> throw new IllegalArgumentException("unknown data point type " + point.getClass());
            }
        }
    }

    private static String type(MetricSnapshot snapshot) {
        return switch (snapshot) {
            case CounterSnapshot s -> "counter";
            case HistogramSnapshot s -> "histogram";
            case SummarySnapshot s -> "summary";
            case UnknownSnapshot s -> "untyped";
            default -> "gauge";
        };
    }

    private static void histogram(Writer out, String name, HistogramSnapshot.HistogramDataPointSnapshot point)
            throws IOException {
        ClassicHistogramBuckets buckets = point.getClassicBuckets();
        long cumulative = 0;
        boolean infinity = false;
        for (int i = 0; i < buckets.size(); i++) {
            cumulative += buckets.getCount(i);
            double bound = buckets.getUpperBound(i);
            infinity |= bound == Double.POSITIVE_INFINITY;
            sample(out, name + "_bucket", point.getLabels(), "le", GoFloat.format(bound), Long.toUnsignedString(cumulative));
        }
        long count = point.hasCount() ? point.getCount() : cumulative;
        if (!infinity) {
            sample(out, name + "_bucket", point.getLabels(), "le", "+Inf", Long.toUnsignedString(count));
        }
        if (point.hasSum()) {
            sample(out, name + "_sum", point.getLabels(), GoFloat.format(point.getSum()));
        }
        sample(out, name + "_count", point.getLabels(), Long.toUnsignedString(count));
    }

    private static void summary(Writer out, String name, SummarySnapshot.SummaryDataPointSnapshot point)
            throws IOException {
        for (Quantile quantile : point.getQuantiles()) {
            sample(out, name, point.getLabels(), "quantile", GoFloat.format(quantile.getQuantile()),
                    GoFloat.format(quantile.getValue()));
        }
        if (point.hasSum()) {
            sample(out, name + "_sum", point.getLabels(), GoFloat.format(point.getSum()));
        }
        if (point.hasCount()) {
            sample(out, name + "_count", point.getLabels(), Long.toUnsignedString(point.getCount()));
        }
    }

    private static void stateSet(Writer out, String name, StateSetSnapshot.StateSetDataPointSnapshot point)
            throws IOException {
        for (int i = 0; i < point.size(); i++) {
            sample(out, name, point.getLabels(), name, point.getName(i), point.isTrue(i) ? "1" : "0");
        }
    }

    private static void sample(Writer out, String name, Labels labels, String value) throws IOException {
        sample(out, name, labels, null, null, value);
    }

    /** One sample line; {@code extraName} (such as {@code le}) comes last, as Go appends it. */
    private static void sample(Writer out, String name, Labels labels, String extraName, String extraValue,
                               String value) throws IOException {
        StringBuilder line = new StringBuilder(64).append(name);
        if (!labels.isEmpty() || extraName != null) {
            line.append('{');
            for (int i = 0; i < labels.size(); i++) {
                label(line, labels.getPrometheusName(i), labels.getValue(i));
                line.append(',');
            }
            if (extraName != null) {
                label(line, extraName, extraValue);
            } else {
                line.setLength(line.length() - 1);
            }
            line.append('}');
        }
        out.write(line.append(' ').append(value).append('\n').toString());
    }

    private static void label(StringBuilder line, String name, String value) {
        line.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '"' -> line.append("\\\"");
                case '\n' -> line.append("\\n");
                default -> line.append(c);
            }
        }
        line.append('"');
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Series in Go's order: by label values, compared in label order. */
    private static List<? extends DataPointSnapshot> sorted(List<? extends DataPointSnapshot> points) {
        List<? extends DataPointSnapshot> copy = new ArrayList<>(points);
        copy.sort(GoTextFormat::compareLabelValues);
        return copy;
    }

    private static int compareLabelValues(DataPointSnapshot a, DataPointSnapshot b) {
        Labels left = a.getLabels();
        Labels right = b.getLabels();
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = compareCodePoints(left.getValue(i), right.getValue(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /** Go compares strings by their UTF-8 bytes, which orders them as code points do. */
    static int compareCodePoints(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+E000..U+FFFF, where the code points they encode belong. */
    private static int codePointRank(char c) {
        return Character.isSurrogate(c) ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c;
    }

    private record Family(String name, MetricSnapshot snapshot) {}
}
