package org.ebpfexporter.exporter.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JVM examples, on every installed JDK: a child JVM runs {@code JvmWorkload.java}, the
 * exporter attaches to its {@code hotspot} probes before the workload starts, and each example's
 * series for the child's pid appear with plausible values. Values are lower bounds, since the JVM
 * starts threads, loads classes and compiles on its own too.
 */
@KernelTest
class JvmExamplesKernelTest {
    private static final int THREADS = 8;
    private static final int CONTENDED_ROUNDS = 5;

    static Stream<Path> javas() {
        // The JDK running the tests (25), and Debian's JDK 17, which most applications still run on.
        return Stream.of(System.getProperty("java.home"), "/usr/lib/jvm/java-17-openjdk-amd64")
                .map(home -> Path.of(home, "bin", "java"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javas")
    void jvmThreadsCountsThreadsStartedAndStopped(Path java) throws Exception {
        try (ChildJvm child = start(java, List.of());
                ExampleRun run = new ExampleRun("jvm-threads", child.options())) {
            child.runWorkload();
            // the workload's threads, and one holder thread per contended round
            assertTrue(sum(run, "ebpf_exporter_jvm_threads_started_total", child, "false") >= THREADS + CONTENDED_ROUNDS,
                    run.series("ebpf_exporter_jvm_threads_started_total").toString());
            assertTrue(sum(run, "ebpf_exporter_jvm_threads_stopped_total", child, "false") >= THREADS + CONTENDED_ROUNDS,
                    run.series("ebpf_exporter_jvm_threads_stopped_total").toString());
            assertEquals(0, run.decoderErrors());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javas")
    void jvmGcMeasuresPauses(Path java) throws Exception {
        try (ChildJvm child = start(java, List.of());
                ExampleRun run = new ExampleRun("jvm-gc", child.options())) {
            child.runWorkload();
            Map<String, ServedHistogram> pauses = histograms(run, "ebpf_exporter_jvm_gc_pause_seconds", child);
            ServedHistogram full = pauses.get("true," + child.pid());
            assertTrue(full != null, "System.gc() is a full collection: " + pauses.keySet());
            assertTrue(full.assertWellFormed().count() >= 1, full.toString());
            assertTrue(full.sum() > 0, full.toString());
            assertEquals(0, run.decoderErrors());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javas")
    void jvmClassesCountsClassesLoaded(Path java) throws Exception {
        try (ChildJvm child = start(java, List.of());
                ExampleRun run = new ExampleRun("jvm-classes", child.options())) {
            child.runWorkload();
            // at least the four proxy classes and three lambda classes the workload generates
            assertTrue(sum(run, "ebpf_exporter_jvm_classes_loaded_total", child, "false") >= 7,
                    run.series("ebpf_exporter_jvm_classes_loaded_total").toString());
            assertEquals(0, run.decoderErrors());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javas")
    void jvmCompileCountsAndMeasuresCompilations(Path java) throws Exception {
        try (ChildJvm child = start(java, List.of());
                ExampleRun run = new ExampleRun("jvm-compile", child.options())) {
            child.runWorkload();
            Map<String, DataPointSnapshot> compilations = run.series("ebpf_exporter_jvm_compilations_total");
            assertTrue(sum(run, "ebpf_exporter_jvm_compilations_total", child, "true") >= 1, compilations.toString());
            Map<String, ServedHistogram> durations = histograms(run, "ebpf_exporter_jvm_compilation_seconds", child);
            assertTrue(durations.keySet().stream().anyMatch(key -> key.startsWith("C1,") || key.startsWith("C2,")),
                    durations.keySet().toString());
            double count = 0;
            for (ServedHistogram duration : durations.values()) {
                count += duration.assertWellFormed().count();
                assertTrue(duration.sum() > 0, duration.toString());
            }
            assertTrue(count >= 1, durations.toString());
            assertEquals(0, run.decoderErrors());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("javas")
    void jvmMonitorsCountsContendedEnters(Path java) throws Exception {
        try (ChildJvm child = start(java, List.of("-XX:+DTraceMonitorProbes"));
                ExampleRun run = new ExampleRun("jvm-monitors", child.options())) {
            child.runWorkload();
            Map<String, DataPointSnapshot> enters = run.series("ebpf_exporter_jvm_monitor_contended_enters_total");
            assertTrue(sum(run, "ebpf_exporter_jvm_monitor_contended_enters_total", child, "java/lang/Object")
                    >= CONTENDED_ROUNDS, enters.toString());
            ServedHistogram wait = histograms(run, "ebpf_exporter_jvm_monitor_wait_seconds", child).get(child.pid());
            assertTrue(wait != null, run.histograms("ebpf_exporter_jvm_monitor_wait_seconds").keySet().toString());
            assertTrue(wait.assertWellFormed().count() >= CONTENDED_ROUNDS, wait.toString());
            // each round's holder keeps the monitor for 50 ms after the main thread starts waiting 10 ms in
            assertTrue(wait.sum() >= CONTENDED_ROUNDS * 0.02, wait.toString());
            assertEquals(0, run.decoderErrors());
        }
    }

    private static ChildJvm start(Path java, List<String> options) throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(java), java + " is not installed (scripts/setup installs it)");
        }
        Assumptions.assumeTrue(Files.isExecutable(java), java + " is not installed");
        return ChildJvm.start(java, options, THREADS);
    }

    /** Sum of a counter's series for the child whose other label has that value. */
    private static double sum(ExampleRun run, String name, ChildJvm child, String other) {
        return run.family(name).getDataPoints().stream()
                .filter(point -> child.pid().equals(point.getLabels().get("pid")))
                .filter(point -> point.getLabels().stream().anyMatch(label -> label.getValue().equals(other)))
                .mapToDouble(point -> ((CounterDataPointSnapshot) point).getValue()).sum();
    }

    /** The histogram's series for the child: those with its pid among their label values. */
    private static Map<String, ServedHistogram> histograms(ExampleRun run, String name, ChildJvm child) {
        Predicate<String> ofChild = key -> List.of(key.split(",")).contains(child.pid());
        return run.histograms(name).entrySet().stream().filter(entry -> ofChild.test(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
