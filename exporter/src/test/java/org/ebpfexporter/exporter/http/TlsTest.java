package org.ebpfexporter.exporter.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.ebpfexporter.exporter.http.web.WebConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from a web config, with the JDK's HttpClient: the server certificate, each client
 * certificate policy, and the version, cipher suite and curve settings, each accepted and refused.
 */
class TlsTest {
    private final FixedScrapes scrapes = new FixedScrapes("ebpf_exporter_tls_total 1\n");
    private MetricsServer server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesHttpsWithTheConfiguredCertificate() throws Exception {
        start(TlsFiles.serverTls());
        assertEquals(scrapes.text(), scrape(TlsFiles.client(null), p -> {}).body());
        assertThrows(IOException.class, () -> Clients.get(server.port(), "/metrics", Duration.ofSeconds(10)),
                "plain HTTP to the HTTPS port");
    }

    @Test
    void requireAndVerifyClientCertRefusesTheHandshakeWithoutAValidCertificate() throws Exception {
        start(TlsFiles.serverTls("client_auth_type: RequireAndVerifyClientCert",
                "client_ca_file: " + TlsFiles.file("client-ca.pem")));
        assertEquals(200, scrape(TlsFiles.client("client"), p -> {}).statusCode());
        assertRefused(TlsFiles.client(null), p -> {});
        assertRefused(TlsFiles.client("stranger"), p -> {});
    }

    @Test
    void requireAnyClientCertTakesAnyCertificateButNeedsOne() throws Exception {
        start(TlsFiles.serverTls("client_auth_type: RequireAnyClientCert"));
        assertEquals(200, scrape(TlsFiles.client("stranger"), p -> {}).statusCode());
        assertRefused(TlsFiles.client(null), p -> {});
    }

    @Test
    void verifyClientCertIfGivenRefusesOnlyABadCertificate() throws Exception {
        start(TlsFiles.serverTls("client_auth_type: VerifyClientCertIfGiven",
                "client_ca_file: " + TlsFiles.file("client-ca.pem")));
        assertEquals(200, scrape(TlsFiles.client(null), p -> {}).statusCode());
        assertEquals(200, scrape(TlsFiles.client("client"), p -> {}).statusCode());
        assertRefused(TlsFiles.client("stranger"), p -> {});
    }

    @Test
    void requestClientCertNeedsNoneAndVerifiesNone() throws Exception {
        start(TlsFiles.serverTls("client_auth_type: RequestClientCert"));
        assertEquals(200, scrape(TlsFiles.client(null), p -> {}).statusCode());
        assertEquals(200, scrape(TlsFiles.client("stranger"), p -> {}).statusCode());
    }

    @Test
    void minAndMaxVersionBoundTheProtocol() throws Exception {
        start(TlsFiles.serverTls("min_version: TLS13"));
        assertRefused(TlsFiles.client(null), p -> p.setProtocols(new String[] {"TLSv1.2"}));
        assertEquals(200, scrape(TlsFiles.client(null), p -> p.setProtocols(new String[] {"TLSv1.3"})).statusCode());
        server.close();
        start(TlsFiles.serverTls("max_version: TLS12"));
        assertRefused(TlsFiles.client(null), p -> p.setProtocols(new String[] {"TLSv1.3"}));
        assertEquals(200, scrape(TlsFiles.client(null), p -> p.setProtocols(new String[] {"TLSv1.2"})).statusCode());
    }

    @Test
    void cipherSuitesRestrictTls12() throws Exception {
        start(TlsFiles.serverTls("max_version: TLS12", "cipher_suites: [TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]"));
        assertRefused(TlsFiles.client(null),
                p -> p.setCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}));
        assertEquals(200, scrape(TlsFiles.client(null),
                p -> p.setCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"})).statusCode());
    }

    @Test
    void curvePreferencesRestrictTheKeyExchange() throws Exception {
        start(TlsFiles.serverTls("curve_preferences: [CurveP384]"));
        // HttpClient does not pass named groups on: a raw TLS socket, over TLS 1.3, where every key
        // exchange is over a named group (TLS 1.2 could fall back to DHE).
        assertThrows(SSLException.class, () -> handshake("x25519"));
        assertEquals("TLSv1.3", handshake("secp384r1"));
    }

    private String handshake(String group) throws Exception {
        try (SSLSocket socket = (SSLSocket) TlsFiles.client(null).getSocketFactory()
                .createSocket("127.0.0.1", server.port())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3"});
            parameters.setNamedGroups(new String[] {group});
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    @Test
    void aHandshakeSentSlowlyIsClosedAtTheRequestTimeout() throws Exception {
        server = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics")
                .withWeb(TlsFiles.webConfig(dir, TlsFiles.serverTls())).withLimits(new ServerLimits(
                        Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(5), 8192, 1024,
                        Duration.ofSeconds(1))), scrapes, null);
        try (Socket socket = Clients.connect(server.port())) {
            // The first byte of a TLS handshake record, then nothing more.
            socket.getOutputStream().write(0x16);
            await().atMost(Duration.ofSeconds(30)).until(() -> Clients.closedByServer(socket));
        }
    }

    private void start(String yaml) throws IOException {
        WebConfig web = TlsFiles.webConfig(dir, yaml);
        server = MetricsServer.start(Endpoint.plain(ListenAddress.parse("127.0.0.1:0"), "/metrics").withWeb(web),
                scrapes, null);
    }

    private HttpResponse<String> scrape(SSLContext context, Consumer<SSLParameters> parameters)
            throws IOException, InterruptedException {
        SSLParameters ssl = context.getDefaultSSLParameters();
        parameters.accept(ssl);
        try (HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(ssl)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/metrics"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private void assertRefused(SSLContext context, Consumer<SSLParameters> parameters) {
        assertThrows(IOException.class, () -> scrape(context, parameters));
    }
}
