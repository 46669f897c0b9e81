package org.ebpfexporter.exporter;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebpfexporter.bpf.BpfMap;
import org.ebpfexporter.bpf.Kallsyms;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.collector.DecoderErrors;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.MetricsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads a test object with counters, an exp2 histogram and per-CPU maps, observes values the test
 * chooses (close(2) of never-open fds 2^30 + value, from a thread pinned to one CPU) and scrapes
 * them through the HTTP server.
 */
@KernelTest
class HistogramKernelTest {
    private static final String CONFIG = "e2e_histograms";
    private static final String THREAD_NAME = "ebpfx-hist";
    private static final int FD_BASE = 1 << 30;
    /** exp2 buckets (smallest k with v <= 2^k, capped at 10): 0, 0, 1, 2, 3, 3, 7, 10. */
    private static final int[] VALUES = {0, 1, 2, 3, 5, 8, 100, 3000};
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void servesHistogramsPerCpuMapsAndKaddrs() throws Throwable {
        E2eFiles.configDir(dir, CONFIG);
        PrometheusRegistry registry = new PrometheusRegistry();
        DecoderErrors errors = new DecoderErrors().register(registry);
        try (Exporter exporter = Exporter.start(dir, List.of(CONFIG), errors)) {
            registry.register(exporter.collector());
            try (MetricsServer server = MetricsServer.start(ListenAddress.parse("127.0.0.1:0"), "/metrics", registry)) {
                int cpu = observeOnOneCpu();
                Map<String, Double> samples = parse(E2eFiles.get(server.port(), "/metrics"));
                String even = "ebpf_exporter_e2e_hist_values_bucket{parity=\"even\",le=\"%s\"}";
                String odd = "ebpf_exporter_e2e_hist_values_bucket{parity=\"odd\",le=\"%s\"}";
                double[] les = {0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512};
                long[] evenCumulative = {1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5};
                long[] oddCumulative = {1, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3};
                for (int i = 0; i < les.length; i++) {
                    assertEquals(evenCumulative[i], samples.get(even.formatted(les[i])), even.formatted(les[i]));
                    assertEquals(oddCumulative[i], samples.get(odd.formatted(les[i])), odd.formatted(les[i]));
                }
                assertEquals(5, samples.get(even.formatted("+Inf")));
                assertEquals(3, samples.get(odd.formatted("+Inf")));
                assertEquals(5, samples.get("ebpf_exporter_e2e_hist_values_count{parity=\"even\"}"));
                assertEquals(3, samples.get("ebpf_exporter_e2e_hist_values_count{parity=\"odd\"}"));
                assertEquals((0 + 2 + 8 + 100 + 3000) * 0.5, samples.get("ebpf_exporter_e2e_hist_values_sum{parity=\"even\"}"));
                assertEquals((1 + 3 + 5) * 0.5, samples.get("ebpf_exporter_e2e_hist_values_sum{parity=\"odd\"}"));

                assertEquals(8, samples.get("ebpf_exporter_e2e_hist_percpu_calls_total{syscall=\"close\"}"));
                long kaddr = Kallsyms.load().address("do_nanosleep").orElseThrow();
                assertEquals(8, samples.get("ebpf_exporter_e2e_hist_kaddr_total{address=\"" + Long.toUnsignedString(kaddr) + "\"}"));
                assertEquals(0, samples.get("ebpf_exporter_decoder_errors_total{config=\"" + CONFIG + "\"}"));

                assertEquals(8, samples.get("ebpf_exporter_e2e_hist_percpu_values_count{cpu=\"" + cpu + "\"}"));
                assertEquals(2, samples.get("ebpf_exporter_e2e_hist_percpu_values_bucket{cpu=\"" + cpu + "\",le=\"1.0\"}"));
                assertEquals(7, samples.get("ebpf_exporter_e2e_hist_percpu_values_bucket{cpu=\"" + cpu + "\",le=\"512.0\"}"));
                assertEquals(3119, samples.get("ebpf_exporter_e2e_hist_percpu_values_sum{cpu=\"" + cpu + "\"}"));
                checkEveryCpuHasASeries(exporter, cpu);
            }
        }
    }

    /** The per-CPU histogram serves one series per possible CPU; only the pinned one counted. */
    private static void checkEveryCpuHasASeries(Exporter exporter, int pinned) {
        HistogramSnapshot snapshot = null;
        for (MetricSnapshot s : exporter.collector().collect()) {
            if (s.getMetadata().getPrometheusName().equals("ebpf_exporter_e2e_hist_percpu_values")) {
                snapshot = (HistogramSnapshot) s;
            }
        }
        assertTrue(snapshot != null, "no per-CPU histogram");
        assertEquals(BpfMap.possibleCpus(), snapshot.getDataPoints().size());
        for (HistogramSnapshot.HistogramDataPointSnapshot point : snapshot.getDataPoints()) {
            long expected = point.getLabels().get("cpu").equals(Integer.toString(pinned)) ? 8 : 0;
            assertEquals(expected, point.getCount(), point.getLabels().toString());
            assertEquals(12, point.getClassicBuckets().size(), "11 buckets and +Inf, back-filled");
        }
    }

    /** Samples by name and labels, le written as Java prints the parsed double, values parsed. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            StringBuilder labels = new StringBuilder();
            String le = null;
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    if (l.group(1).equals("le")) {
                        le = l.group(2).equals("+Inf") ? "+Inf" : String.valueOf(Double.parseDouble(l.group(2)));
                    } else {
                        labels.append(labels.isEmpty() ? "" : ",").append(l.group(1)).append("=\"").append(l.group(2)).append('"');
                    }
                }
            }
            if (le != null) {
                labels.append(labels.isEmpty() ? "" : ",").append("le=\"").append(le).append('"');
            }
            samples.put(m.group(1) + (labels.isEmpty() ? "" : "{" + labels + "}"), Double.parseDouble(m.group(4)));
        }
        return samples;
    }

    /** Closes fd 2^30 + v for every value from a thread named for the program, pinned to one CPU. */
    private static int observeOnOneCpu() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().findOrThrow("close"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        MethodHandle getAffinity = linker.downcallHandle(linker.defaultLookup().findOrThrow("sched_getaffinity"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
        MethodHandle setAffinity = linker.downcallHandle(linker.defaultLookup().findOrThrow("sched_setaffinity"),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] pinned = {-1};
        Thread thread = new Thread(() -> {
            try (Arena arena = Arena.ofConfined()) {
                long size = 128;
                MemorySegment mask = arena.allocate(size);
                assertEquals(0, (int) getAffinity.invokeExact(0, size, mask));
                int cpu = (int) (size * 8 - 1);
                while (cpu >= 0 && (mask.get(JAVA_BYTE, cpu / 8) & (1 << (cpu % 8))) == 0) {
                    cpu--;
                }
                mask.fill((byte) 0);
                mask.set(JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
                assertEquals(0, (int) setAffinity.invokeExact(0, size, mask));
                pinned[0] = cpu;
                for (int value : VALUES) {
                    assertEquals(-1, (int) close.invokeExact(FD_BASE + value), "fd " + (FD_BASE + value) + " was open");
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, THREAD_NAME);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return pinned[0];
    }
}
