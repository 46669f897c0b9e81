package org.ebpfexporter.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.ebpfexporter.exporter.http.web.BasicAuth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** basic_auth_users and headers of a web config on a real server; the cost of wrong and unknown users. */
class BasicAuthTest {
    private static final String PASSWORD = "s3cret";

    @TempDir
    Path dir;

    @Test
    void rightPasswordServesAndWrongOrUnknownUsersGet401() throws Exception {
        String hash = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        FixedScrapes scrapes = new FixedScrapes("ebpf_exporter_auth_total 1\n");
        String yaml = "basic_auth_users:\n  prometheus: " + hash + "\n"
                + "http_server_config:\n  headers:\n    X-Frame-Options: deny\n    Content-Security-Policy: default-src 'none'\n";
        try (MetricsServer server = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics")
                .withWeb(TlsFiles.webConfig(dir, yaml)), scrapes, null)) {
            HttpResponse<String> ok = get(server, "/metrics", "prometheus", PASSWORD);
            assertEquals(200, ok.statusCode());
            assertEquals(scrapes.text(), ok.body());
            assertEquals("deny", ok.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("default-src 'none'", ok.headers().firstValue("Content-Security-Policy").orElseThrow());
            assertEquals(200, get(server, "/", "prometheus", PASSWORD).statusCode());
            for (String[] credentials : new String[][] {{"prometheus", "wrong"}, {"nobody", PASSWORD},
                    {"prometheus", ""}, {null, null}}) {
                for (String path : new String[] {"/metrics", "/"}) {
                    HttpResponse<String> refused = get(server, path, credentials[0], credentials[1]);
                    assertEquals(401, refused.statusCode(), Arrays.toString(credentials));
                    assertEquals("Basic", refused.headers().firstValue("WWW-Authenticate").orElseThrow());
                    assertEquals("deny", refused.headers().firstValue("X-Frame-Options").orElseThrow());
                    assertEquals("Unauthorized\n", refused.body());
                }
            }
            assertEquals(1, scrapes.scrapes.get(), "only the authenticated scrape collected");
        }
    }

    @Test
    void anUnknownUserCostsABcryptVerificationAsAWrongPasswordDoes() {
        BasicAuth auth = new BasicAuth(Map.of("prometheus", BCrypt.withDefaults().hashToString(10,
                PASSWORD.toCharArray())));
        assertFalse(auth.allows(header("prometheus", "warm-up")));
        long wrong = medianNanos(() -> assertFalse(auth.allows(header("prometheus", "wrong"))));
        long unknown = medianNanos(() -> assertFalse(auth.allows(header("nobody", "wrong"))));
        // Without the dummy verification an unknown user would take microseconds, not a bcrypt's
        // tens of milliseconds; the bound is loose because the machine is shared.
        assertTrue(unknown > wrong / 10, "unknown " + unknown + " ns, wrong " + wrong + " ns");
        long first = medianNanos(() -> assertTrue(auth.allows(header("prometheus", PASSWORD))));
        assertTrue(first < wrong / 10, "a verified password is cached: " + first + " ns vs " + wrong + " ns");
    }

    @Test
    void malformedHeadersAreRefused() {
        BasicAuth auth = new BasicAuth(Map.of("u", BCrypt.withDefaults().hashToString(4, "p".toCharArray())));
        assertTrue(auth.allows(header("u", "p")));
        assertTrue(auth.allows("BASIC " + Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8))));
        assertFalse(auth.allows("Bearer x"));
        assertFalse(auth.allows("Basic !!!"));
        assertFalse(auth.allows("Basic " + Base64.getEncoder().encodeToString("up".getBytes(StandardCharsets.UTF_8))));
        assertFalse(auth.allows(header("u", "p".repeat(100))));
        assertFalse(auth.allows(null));
    }

    private static long medianNanos(Runnable check) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            check.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(MetricsServer server, String path, String user, String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Clients.uri(server.port(), path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", header(user, password));
        }
        return Clients.send(server.port(), request.build());
    }
}
