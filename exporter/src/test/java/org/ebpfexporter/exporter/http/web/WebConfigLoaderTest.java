package org.ebpfexporter.exporter.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toolkit's web config format: what is read, and one line naming file and field for what is wrong. */
class WebConfigLoaderTest {
    private static final String HASH = "$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG";

    @TempDir
    Path dir;

    @Test
    void readsEveryField() throws Exception {
        copy("server.pem", "server.key", "client-ca.pem");
        WebConfig config = load("""
                tls_server_config:
                  cert_file: server.pem
                  key_file: server.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: client-ca.pem
                  min_version: TLS12
                  max_version: TLS13
                  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256]
                  prefer_server_cipher_suites: false
                  curve_preferences: [X25519, CurveP256]
                http_server_config:
                  http2: false
                  headers:
                    X-Content-Type-Options: nosniff
                    Strict-Transport-Security: max-age=31536000
                basic_auth_users:
                  prometheus: %s
                """.formatted(HASH));
        TlsServerConfig tls = config.tls();
        assertEquals(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT, tls.clientAuth());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), tls.protocols());
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256",
                "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"), tls.cipherSuites());
        assertEquals(false, tls.serverOrder());
        assertEquals(List.of("x25519", "secp256r1"), tls.namedGroups());
        assertTrue(tls.clientCaPem().contains("BEGIN CERTIFICATE"));
        assertEquals(Map.of("prometheus", HASH), config.basicAuthUsers());
        assertEquals(Map.of("X-Content-Type-Options", "nosniff", "Strict-Transport-Security", "max-age=31536000"),
                config.headers());
    }

    @Test
    void theReadmesExampleLoads() throws Exception {
        Files.copy(tls("server.pem"), dir.resolve("server.crt"));
        Files.copy(tls("server.key"), dir.resolve("server.key"));
        Files.copy(tls("client-ca.pem"), dir.resolve("client-ca.crt"));
        WebConfig config = load(Files.readString(Path.of(System.getProperty("user.dir"), "..", "examples",
                "web-config.yml")));
        assertEquals(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT, config.tls().clientAuth());
        assertTrue(new BasicAuth(config.basicAuthUsers()).allows("Basic " + java.util.Base64.getEncoder()
                .encodeToString("prometheus:change-me".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void defaultsAreTheToolkits() throws Exception {
        copy("server.pem", "server.key");
        TlsServerConfig tls = load("tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n").tls();
        assertEquals(ClientAuth.NO_CLIENT_CERT, tls.clientAuth());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), tls.protocols());
        assertEquals(List.of(), tls.cipherSuites());
        assertEquals(true, tls.serverOrder());
        assertNull(load("").tls());
        assertNull(load("basic_auth_users:\n  a: " + HASH + "\n").tls());
    }

    @Test
    void inlinePemAndTheOlderClientAuthSpelling() throws Exception {
        String yaml = "tls_server_config:\n  client_auth_type: RequireClientCert\n  cert: |\n"
                + indent(Files.readString(tls("server.pem"))) + "  key: |\n" + indent(Files.readString(tls("client.key")));
        // client.key is not server.pem's key: the pair check runs on inline material too.
        assertFails(yaml, "tls_server_config.key_file: private key does not match the certificate's public key");
        yaml = "tls_server_config:\n  client_auth_type: RequireClientCert\n  cert: |\n"
                + indent(Files.readString(tls("server.pem"))) + "  key: |\n" + indent(Files.readString(tls("server.key")));
        assertEquals(ClientAuth.REQUIRE_ANY_CLIENT_CERT, load(yaml).tls().clientAuth());
    }

    @Test
    void everyMistakeIsOneLineNamingFileAndField() throws Exception {
        copy("server.pem", "server.key", "client-ca.pem", "ca.key");
        String tls = "tls_server_config:\n  cert_file: server.pem\n  key_file: server.key\n";
        assertFails("tls_server_config:\n  cert_fil: server.pem\n", "tls_server_config.cert_fil: unknown field");
        assertFails("basic_auth_user:\n  a: b\n", "basic_auth_user: unknown field");
        assertFails("rate_limit:\n  burst: 1\n", "rate_limit: not supported by this exporter");
        assertFails(tls + "  client_allowed_sans: [a]\n",
                "tls_server_config.client_allowed_sans: not supported by this exporter");
        assertFails("basic_auth_users:\n  a: plaintext\n", "basic_auth_users.a: not a bcrypt hash");
        assertFails("http_server_config:\n  headers:\n    Server: x\n",
                "http_server_config.headers.Server: HTTP header \"Server\" can not be configured");
        assertFails("http_server_config:\n  headers:\n    X-Frame-Options: allow\n",
                "http_server_config.headers.X-Frame-Options: invalid value \"allow\"");
        assertFails("tls_server_config:\n  key_file: server.key\n", "tls_server_config.cert_file: missing one of cert or cert_file");
        assertFails("tls_server_config:\n  cert_file: server.pem\n", "tls_server_config.key_file: missing one of key or key_file");
        assertFails(tls + "  client_ca_file: client-ca.pem\n",
                "tls_server_config.client_ca_file: client CAs have been configured without a client_auth_type");
        assertFails(tls + "  client_auth_type: Sometimes\n", "tls_server_config.client_auth_type: invalid ClientAuth");
        assertFails(tls + "  min_version: TLS13\n  max_version: TLS12\n", "tls_server_config.min_version: above max_version");
        assertFails(tls + "  min_version: SSL3\n", "tls_server_config.min_version: unknown TLS version: SSL3");
        assertFails(tls + "  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n",
                "tls_server_config.cipher_suites: unknown cipher: TLS_RSA_WITH_RC4_128_SHA");
        assertFails(tls + "  curve_preferences: [CurveP224]\n", "tls_server_config.curve_preferences: unknown curve");
        assertFails(tls + "  prefer_server_cipher_suites: maybe\n",
                "tls_server_config.prefer_server_cipher_suites: expected true or false");
        assertFails("tls_server_config:\n  cert_file: missing.pem\n  key_file: server.key\n",
                "tls_server_config.cert_file: " + dir.resolve("missing.pem") + " is not a regular file");
        assertFails("tls_server_config:\n  cert_file: server.key\n  key_file: server.key\n",
                "tls_server_config.cert_file: no PEM CERTIFICATE block found");
        assertFails("tls_server_config:\n  cert_file: server.pem\n  key_file: ca.key\n",
                "tls_server_config.key_file: private key does not match");
        assertFails("a: [", "file: invalid YAML");
        assertFails("basic_auth_users:\n  a: " + HASH + "\n  a: " + HASH + "\n", "file: invalid YAML");
    }

    private void assertFails(String yaml, String expected) throws IOException {
        WebConfigException e = assertThrows(WebConfigException.class, () -> load(yaml), yaml);
        String prefix = "web config " + dir.resolve("web.yml") + ": ";
        assertTrue(e.getMessage().startsWith(prefix + expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private WebConfig load(String yaml) throws IOException {
        Path file = dir.resolve("web.yml");
        Files.writeString(file, yaml);
        return WebConfigLoader.load(file);
    }

    private void copy(String... names) throws IOException {
        for (String name : names) {
            Files.copy(tls(name), dir.resolve(name));
        }
    }

    private static Path tls(String name) {
        try {
            return Path.of(WebConfigLoaderTest.class.getResource("/tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }
}
