package org.ebpfexporter.exporter.agent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.http.web.Pem;
import org.ebpfexporter.exporter.http.web.SslContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs child JVMs with the shaded jar as their {@code -javaagent}. */
@KernelTest
class AgentIT {
    private static final Path JAR = Path.of(System.getProperty("exporter.agent.jar", "target/ebpf-exporter.jar"));
    private static final String CLASSES = System.getProperty("exporter.test.classes", "target/test-classes");
    private static final String JAVA = ProcessHandle.current().info().command().orElseThrow();
    private static final Path JAVA_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    private static final String STARTED = "ebpf_exporter.jvm_threads.jvm_threads_started_total";
    private static final String RESTRICTED = "WARNING: A restricted method in java.lang.foreign.SymbolLookup has been called";

    @TempDir
    Path dir;

    @Test
    void recordingOfTheApplicationHoldsKernelEventsOfItsOwnProcess() throws Exception {
        Path recording = dir.resolve("workload.jfr");
        // Without --enable-native-access: JDK 25 only warns, and the agent works.
        Run run = run(JAVA, "-javaagent:" + JAR, "-XX:StartFlightRecording=filename=" + recording,
                "-cp", CLASSES, AgentWorkload.class.getName());
        assertEquals(0, run.status, run.stderr);
        // JFR's start-up lines go to stdout too.
        assertTrue(run.stdout.lines().anyMatch(l -> l.startsWith("workload done")), run.stdout);
        assertTrue(run.stderr.contains(RESTRICTED), run.stderr);
        assertTrue(run.stderr.contains("ebpf-exporter agent running configs [jvm-threads, jvm-gc]"), run.stderr);

        List<RecordedEvent> started = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals(STARTED)).toList();
        assertFalse(started.isEmpty(), "no " + STARTED + " events");
        for (RecordedEvent event : started) {
            assertEquals(Long.toString(run.pid), event.getString("pid"), event.toString());
        }
        // The last period saw every thread the workload started (the JVM may start more of its own).
        double nonDaemon = started.stream().filter(e -> e.getString("daemon").equals("false"))
                .mapToDouble(e -> e.getDouble("value")).max().orElse(0);
        assertTrue(nonDaemon >= AgentWorkload.THREADS, "non-daemon threads started: " + nonDaemon);
    }

    @Test
    void recordingStartedWithJcmdHoldsKernelEvents() throws Exception {
        Path out = dir.resolve("long-stdout");
        Process app = new ProcessBuilder(JAVA, "--enable-native-access=ALL-UNNAMED", "-javaagent:" + JAR, "-cp", CLASSES,
                AgentLongWorkload.class.getName(), "20")
                .redirectOutput(out.toFile()).redirectError(dir.resolve("long-stderr").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).contains("ready") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            String jcmd = Path.of(JAVA).resolveSibling("jcmd").toString();
            String pid = Long.toString(app.pid());
            Path recording = dir.resolve("jcmd.jfr");
            assertEquals(0, run(jcmd, pid, "JFR.start", "name=kernel").status);
            Thread.sleep(3000);
            assertEquals(0, run(jcmd, pid, "JFR.dump", "name=kernel", "filename=" + recording).status);
            List<RecordedEvent> started = RecordingFile.readAllEvents(recording).stream()
                    .filter(e -> e.getEventType().getName().equals(STARTED)).toList();
            assertFalse(started.isEmpty(), "no " + STARTED + " events in a recording started by jcmd");
            assertTrue(started.stream().allMatch(e -> e.getString("pid").equals(pid)), started.toString());
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    @Test
    void enableNativeAccessSilencesTheWarning() throws Exception {
        Run run = run(JAVA, "--enable-native-access=ALL-UNNAMED", "-javaagent:" + JAR + "=jfr=false",
                "-cp", CLASSES, AgentWorkload.class.getName());
        assertEquals(0, run.status, run.stderr);
        assertFalse(run.stderr.contains(RESTRICTED), run.stderr);
        assertTrue(run.stderr.contains("ebpf-exporter agent running configs [jvm-threads, jvm-gc]"), run.stderr);
    }

    @Test
    void withoutLibbpfTheApplicationRunsAndTheAgentWarnsOnce() throws Exception {
        Run run = run(JAVA, "-Debpf.exporter.libbpf=/nonexistent", "--enable-native-access=ALL-UNNAMED",
                "-javaagent:" + JAR, "-cp", CLASSES, AgentWorkload.class.getName());
        assertEquals(0, run.status, run.stderr);
        assertTrue(run.stdout.startsWith("workload done"), run.stdout);
        assertEquals(1, run.stderr.lines().filter(l -> l.startsWith("WARNING: ebpf-exporter agent disabled")).count(),
                run.stderr);
        assertTrue(run.stderr.contains("WARNING: ebpf-exporter agent disabled, the application runs without it: "
                + "config jvm-threads: libbpf is not available (/nonexistent)"), run.stderr);
    }

    @Test
    void withoutPrivilegesTheApplicationRunsAndTheAgentWarnsOnce() throws Exception {
        Run run = run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", JAVA,
                "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED", "-javaagent:" + JAR, "-cp", CLASSES,
                AgentWorkload.class.getName());
        assertEquals(0, run.status, run.stderr);
        assertTrue(run.stdout.startsWith("workload done"), run.stdout);
        List<String> warnings = run.stderr.lines().filter(l -> l.startsWith("WARNING: ebpf-exporter agent disabled"))
                .toList();
        assertEquals(1, warnings.size(), run.stderr);
        assertTrue(warnings.getFirst().contains("EPERM"), warnings.getFirst());
    }

    @Test
    void badOptionsOnlyDisableTheAgent() throws Exception {
        Run run = run(JAVA, "--enable-native-access=ALL-UNNAMED", "-javaagent:" + JAR + "=config.nmes=a",
                "-cp", CLASSES, AgentWorkload.class.getName());
        assertEquals(0, run.status, run.stderr);
        assertTrue(run.stdout.startsWith("workload done"), run.stdout);
        assertTrue(run.stderr.contains("WARNING: ebpf-exporter agent disabled, the application runs without it: "
                + "unknown agent option config.nmes"), run.stderr);
    }

    @Test
    void httpEndpointServesHttpsWithBasicAuthFromTheWebConfig() throws Exception {
        for (String file : new String[] {"server.pem", "server.key"}) {
            Files.copy(Path.of(CLASSES, "tls", file), dir.resolve(file));
        }
        Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: server.pem\n"
                + "  key_file: server.key\nbasic_auth_users:\n  prometheus: "
                + BCrypt.withDefaults().hashToString(4, "pw".toCharArray()) + "\n");
        int port = E2eFiles.freePort();
        Path err = dir.resolve("https-stderr");
        Process app = new ProcessBuilder(JAVA, "--enable-native-access=ALL-UNNAMED", "-javaagent:" + JAR
                + "=web.listen-address=127.0.0.1:" + port + ",web.config.file=" + dir.resolve("web.yml"),
                "-cp", CLASSES, AgentLongWorkload.class.getName(), "60")
                .redirectOutput(dir.resolve("https-stdout").toFile()).redirectError(err.toFile()).start();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, SslContexts.trusting(Pem.certificates(Files.readString(Path.of(CLASSES, "tls", "ca.pem")))),
                null);
        try (HttpClient client = HttpClient.newBuilder().sslContext(tls).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(30));
            String body = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> client.send(
                    request.copy().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "prometheus:pw".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200).body();
            assertTrue(body.contains("ebpf_exporter_enabled_configs{name=\"jvm-threads\"} 1"), body);
            assertEquals(401, client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            app.destroyForcibly().waitFor();
        }
        assertFalse(Files.readString(err).contains("SLF4J"), Files.readString(err));
    }

    @Test
    void onJava17TheApplicationRunsAndTheAgentWarns() throws Exception {
        assertTrue(Files.isExecutable(JAVA_17), JAVA_17 + " is missing");
        Run run = run(JAVA_17.toString(), "-javaagent:" + JAR, "-m", "jdk.jartool/sun.tools.jar.Main", "--version");
        assertEquals(0, run.status, run.stderr);
        assertTrue(run.stdout.startsWith("jar 17"), run.stdout);
        assertTrue(run.stderr.contains("WARNING: ebpf-exporter agent disabled: it needs Java 25 or newer, "
                + "this JVM is Java 17; the application runs without it"), run.stderr);
    }

    @Test
    void theSameJarIsStillTheCommandLineTool() throws Exception {
        Run version = run(JAVA, "-jar", JAR.toString(), "--version");
        assertEquals(0, version.status, version.stderr);
        assertTrue(version.stdout.startsWith("ebpf-exporter 0.1.0-SNAPSHOT (Java "), version.stdout);
        Run help = run(JAVA, "-jar", JAR.toString(), "--help");
        assertTrue(help.stdout.contains("--jfr.max-events-per-period=N"), help.stdout);
        assertTrue(help.stdout.contains("--jvm.pid=PID"), help.stdout);
    }

    private Run run(String... command) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout-" + System.nanoTime());
        Path err = dir.resolve("stderr-" + System.nanoTime());
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(process.pid(), process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Run(long pid, int status, String stdout, String stderr) {}
}
