package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.ExporterOptions;
import org.ebpfexporter.exporter.http.Exposition;
import org.ebpfexporter.exporter.http.ListenAddress;
import org.ebpfexporter.exporter.http.web.WebConfig;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.ebpfexporter.exporter.jmx.JmxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /maps} over real HTTP: the e2e map's raw keys, decoded labels and values with --debug, 404 without. */
@KernelTest
class DaemonMapsKernelTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void debugServesEveryMapWithRawKeysLabelsAndValues() throws Exception {
        E2eFiles.configDir(dir);
        int port = E2eFiles.freePort();
        try (Daemon daemon = start(port, true)) {
            E2eFiles.syscalls(3, 2);
            HttpResponse<String> response = get(port, "/maps");
            assertEquals(200, response.statusCode());
            assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
            // getppid is syscall 110: an 8-byte little-endian key.
            assertEquals(List.of(
                    "config e2e_syscalls",
                    "  map e2e_syscalls_total labels=[syscall] entries=2",
                    "    key=6e00000000000000 labels={syscall=\"getppid\"} value=3",
                    "    key=6f00000000000000 labels={syscall=\"getpgrp\"} value=2"), response.body().lines().toList());
            assertTrue(E2eFiles.get(port, "/metrics").contains("ebpf_exporter_decoder_errors_total{config=\"e2e_syscalls\"} 0"));
            assertEquals(404, get(port, "/maps/x").statusCode());
        }
    }

    @Test
    @Timeout(120)
    void withoutDebugMapsIs404() throws Exception {
        E2eFiles.configDir(dir);
        int port = E2eFiles.freePort();
        try (Daemon daemon = start(port, false)) {
            assertEquals(404, get(port, "/maps").statusCode());
            assertEquals(200, get(port, "/metrics").statusCode());
        }
    }

    private Daemon start(int port, boolean debug) throws IOException {
        return Daemon.start(dir, List.of(E2eFiles.CONFIG), ExporterOptions.DEFAULTS,
                new Publishing(ListenAddress.parse("127.0.0.1:" + port), "/metrics", Exposition.TEXT, WebConfig.NONE,
                        JmxOptions.LOCAL_ONLY, new JfrSettings(false, 1), debug));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

}
