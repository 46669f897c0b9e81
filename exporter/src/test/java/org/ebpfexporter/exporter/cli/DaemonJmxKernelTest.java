package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.web.WebConfig;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.jmx.JmxOptions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's MBeans: read remotely by a JVM with JDK classes only, and gone when it stops. */
@KernelTest
class DaemonJmxKernelTest {
    private static final String SYSCALLS = "org.ebpfexporter:config=e2e_syscalls,name=e2e_syscalls_total";
    private static final String ERRORS = "org.ebpfexporter:config=exporter,name=decoder_errors_total";
    private static final String HISTOGRAM = "org.ebpfexporter:config=e2e_histograms,name=e2e_hist_values";
    private static final String HISTOGRAM_CONFIG = "e2e_histograms";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void remoteClientReadsWhatMetricsServesAndMBeansGoWithTheDaemon() throws Exception {
        E2eFiles.configDir(dir);
        E2eFiles.configDir(dir, HISTOGRAM_CONFIG);
        int httpPort = E2eFiles.freePort();
        int jmxPort = E2eFiles.freePort();
        MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
        JmxOptions jmx = new JmxOptions(ListenAddress.parse("127.0.0.1:" + jmxPort), null, null, false, false, true);
        Daemon daemon = Daemon.start(dir, List.of(E2eFiles.CONFIG, HISTOGRAM_CONFIG), ExporterOptions.DEFAULTS,
                new Publishing(ListenAddress.parse("127.0.0.1:" + httpPort), "/metrics", Exposition.TEXT, WebConfig.NONE, jmx,
                        JfrSettings.DEFAULT, false));
        try {
            E2eFiles.syscalls(37, 5);
            observeHistogramValues(2, 3, 5);
            // Past the MBeans' one second cache, which still holds the collection made at start.
            Thread.sleep(1_100);
            List<String> metrics = E2eFiles.get(httpPort, "/metrics").lines().toList();
            assertTrue(metrics.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getppid\"} 37"), metrics.toString());
            assertTrue(metrics.contains("ebpf_exporter_e2e_syscalls_total{syscall=\"getpgrp\"} 5"), metrics.toString());
            assertTrue(metrics.contains("ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} 0"),
                    metrics.toString());
            // Series that appear after start-up get their MBeans at the next background sync.
            ObjectName odd = new ObjectName(HISTOGRAM + ",parity=odd");
            Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> platform.isRegistered(odd));
            List<String> remote = readRemotely("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi",
                    SYSCALLS, ERRORS, HISTOGRAM, HISTOGRAM + ",parity=odd#Count", HISTOGRAM + "#Type",
                    SYSCALLS + ",syscall=getppid#Value");
            assertTrue(metrics.contains("ebpf_exporter_e2e_hist_values_count{parity=\"odd\"} 2"), metrics.toString());
            assertTrue(metrics.contains("ebpf_exporter_e2e_hist_values_sum{parity=\"odd\"} 4"), metrics.toString());
            // Counts are longs; bounds are spelled as on /metrics, in bound order.
            String bounds = " le=0.5,1,2,4,8,16,32,64,128,256,512,+Inf";
            assertEquals(List.of(
                    "config=e2e_histograms,name=e2e_hist_values Type=histogram",
                    "config=e2e_histograms,name=e2e_hist_values,parity=odd Count=2",
                    "config=e2e_syscalls,name=e2e_syscalls_total,syscall=getppid Value=37",
                    "decoder_errors_total config=e2e_histograms 0",
                    "decoder_errors_total config=e2e_syscalls 0",
                    "e2e_hist_values parity=even count=1 sum=1.0" + bounds,
                    "e2e_hist_values parity=odd count=2 sum=4.0" + bounds,
                    "e2e_syscalls_total syscall=getpgrp 5",
                    "e2e_syscalls_total syscall=getppid 37"), remote.stream().sorted().toList());
            assertTrue(metrics.contains("ebpf_exporter_e2e_hist_values_bucket{parity=\"odd\",le=\"0.5\"} 0"),
                    metrics.toString());
        } finally {
            daemon.close();
        }
        assertEquals(Set.of(), platform.queryNames(new ObjectName("org.ebpfexporter:*"), null));
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", jmxPort).close(),
                "the JMX port is closed");
    }

    /** Runs JmxRead.java in a new JVM in source mode, with no class path at all. */
    private List<String> readRemotely(String url, String... names) throws Exception {
        Path source = E2eFiles.jmxClient(dir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), source.toString(), url));
        command.addAll(List.of(names));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("client-out.txt").toFile())
                .redirectError(dir.resolve("client-err.txt").toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the JMX client did not finish");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("client-err.txt")));
        return Files.readAllLines(dir.resolve("client-out.txt"));
    }

    /**
     * Makes the e2e_histograms program observe each value: it sees close(2) of fd 2^30 + value from
     * threads named ebpfx-hist, and halves the value (bucket_multiplier 0.5).
     */
    private static void observeHistogramValues(int... values) throws Exception {
        Linker linker = Linker.nativeLinker();
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().findOrThrow("close"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        Thread thread = new Thread(() -> {
            try {
                for (int value : values) {
                    int ignored = (int) close.invokeExact((1 << 30) + value);
                }
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }, "ebpfx-hist");
        thread.start();
        thread.join();
    }

}
