package org.ebpfexporter.exporter.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Prometheus (installed by scripts/setup) scrapes the exporter, started as the command
 * in a child JVM, over HTTPS with basic authentication from {@code --web.config.file}.
 */
@KernelTest
class PrometheusScrapeKernelTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final String PASSWORD = "scrape-secret";
    private static final Duration AWAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesOverHttpsWithBasicAuth() throws Exception {
        assertTrue(Files.isExecutable(PROMETHEUS), PROMETHEUS + " is missing: run scripts/setup");
        E2eFiles.configDir(dir);
        for (String file : new String[] {"server.pem", "server.key", "ca.pem"}) {
            Files.copy(Path.of(getClass().getResource("/tls/" + file).toURI()), dir.resolve(file));
        }
        Files.writeString(dir.resolve("web.yml"), """
                tls_server_config:
                  cert_file: server.pem
                  key_file: server.key
                basic_auth_users:
                  prometheus: %s
                """.formatted(BCrypt.withDefaults().hashToString(10, PASSWORD.toCharArray())));
        int port = E2eFiles.freePort();
        int prometheusPort = E2eFiles.freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: ebpf
                    scheme: https
                    tls_config:
                      ca_file: %s
                    basic_auth:
                      username: prometheus
                      password: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(dir.resolve("ca.pem"), PASSWORD, port));
        Process exporter = start(exporterCommand("--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG,
                "--web.listen-address=127.0.0.1:" + port, "--web.config.file=" + dir.resolve("web.yml")), "exporter");
        Process prometheus = start(List.of(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort),
                "prometheus");
        try {
            // Until Prometheus listens, its API refuses connections.
            await().atMost(AWAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> api(prometheusPort, "/api/v1/targets").contains("\"health\":\"up\""));
            assertEquals("1", value(prometheusPort, "up{job=\"ebpf\"}"));
            assertEquals("1", value(prometheusPort, "ebpf_exporter_enabled_configs{name=\"" + E2eFiles.CONFIG + "\"}"));
        } finally {
            stop(prometheus);
            stop(exporter);
        }
        assertTrue(Files.readString(dir.resolve("exporter.err")).contains("over HTTPS with basic authentication"),
                Files.readString(dir.resolve("exporter.err")));
    }

    @Test
    void aBrokenWebConfigFailsStartUpWithOneLine() throws Exception {
        E2eFiles.configDir(dir);
        Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_fil: server.pem\n");
        Process exporter = start(exporterCommand("--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG,
                "--web.listen-address=127.0.0.1:0", "--web.config.file=" + dir.resolve("web.yml")), "exporter");
        assertTrue(exporter.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, exporter.exitValue());
        List<String> lines = Files.readString(dir.resolve("exporter.err")).lines()
                .filter(l -> !l.startsWith("WARNING:")).toList();
        assertEquals(List.of("ebpf-exporter: web config " + dir.resolve("web.yml")
                + ": tls_server_config.cert_fil: unknown field (known: cert, cert_file, cipher_suites, client_auth_type,"
                + " client_ca, client_ca_file, curve_preferences, key, key_file, max_version, min_version,"
                + " prefer_server_cipher_suites)"), lines);
    }

    /** The single value of an instant query, as Prometheus spells it. */
    private static String value(int port, String query) throws Exception {
        String body = api(port, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        Matcher matcher = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]").matcher(body);
        assertTrue(matcher.find(), query + ": " + body);
        return matcher.group(1);
    }

    private static String api(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        }
    }

    private static List<String> exporterCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private Process start(List<String> command, String name) throws IOException {
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
