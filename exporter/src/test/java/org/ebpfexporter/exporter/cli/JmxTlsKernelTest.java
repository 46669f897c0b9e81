package org.ebpfexporter.exporter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.exporter.E2eFiles;
import org.ebpfexporter.exporter.jmx.JmxFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jmx.ssl} and {@code --jmx.ssl.need-client-auth}: the exporter in a child JVM serves
 * remote JMX over TLS (registry and connector) with the key and trust stores of the standard
 * {@code javax.net.ssl.*} properties, made here with keytool; a JDK-only client trusting it reads
 * the MBeans, a client without TLS cannot, and when client certificates are asked for, only a
 * client presenting one the exporter trusts gets in.
 */
@KernelTest
class JmxTlsKernelTest {
    private static final String PASSWORD = "changeit";
    private static final String ERRORS = "org.ebpfexporter:config=exporter,name=decoder_errors_total";
    private static final List<String> READ = List.of("decoder_errors_total config=e2e_syscalls 0");

    @TempDir
    Path dir;

    private Path passwords;

    @BeforeEach
    void keysAndPasswords() throws Exception {
        E2eFiles.configDir(dir);
        passwords = JmxFiles.passwordFile(dir, "reader s3cret\n");
        keyPair("server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
        keyPair("client", "CN=jmx-client", "SAN=dns:jmx-client");
        trust("client-trust.p12", "server");
        trust("server-trust.p12", "client");
    }

    @Test
    @Timeout(240)
    void remoteJmxOverTls() throws Exception {
        int port = E2eFiles.freePort();
        try (ExporterProcess exporter = ExporterProcess.start(dir, stores("server.p12", null), args(port, "--jmx.ssl"))
                .awaitListening(port)) {
            JdkTools.Run tls = read(port, stores(null, "client-trust.p12"), true);
            assertEquals(new JdkTools.Run(0, READ), tls);
            assertNotEquals(0, read(port, List.of(), false).status(), "a client without TLS must not get in");
            assertEquals(0, exporter.stop(), exporter.output());
            assertTrue(exporter.output().contains("with authentication, with TLS"), exporter.output());
        }
    }

    @Test
    @Timeout(240)
    void clientCertificatesWhenAsked() throws Exception {
        int port = E2eFiles.freePort();
        try (ExporterProcess exporter = ExporterProcess.start(dir, stores("server.p12", "server-trust.p12"),
                args(port, "--jmx.ssl", "--jmx.ssl.need-client-auth")).awaitListening(port)) {
            assertEquals(new JdkTools.Run(0, READ), read(port, stores("client.p12", "client-trust.p12"), true));
            JdkTools.Run anonymous = read(port, stores(null, "client-trust.p12"), true);
            assertNotEquals(0, anonymous.status(), "a client without a certificate must not get in");
            // Registry and connector share the port's TLS socket: the client falls at the registry already.
            assertTrue(String.join("\n", anonymous.lines()).contains("Failed to retrieve RMIServer stub"),
                    anonymous.lines().toString());
            // A certificate the exporter does not trust: the server's own, presented by a client.
            assertNotEquals(0, read(port, stores("server.p12", "client-trust.p12"), true).status(),
                    "a client with an untrusted certificate must not get in");
            assertEquals(0, exporter.stop(), exporter.output());
            assertTrue(exporter.output().contains("with authentication, with TLS and client certificates"),
                    exporter.output());
        }
    }

    private String[] args(int port, String... tlsFlags) {
        List<String> args = new ArrayList<>(List.of("--config.dir=" + dir, "--config.names=" + E2eFiles.CONFIG,
                "--web.listen-address=127.0.0.1:0", "--jmx.listen-address=127.0.0.1:" + port,
                "--jmx.password-file=" + passwords));
        args.addAll(List.of(tlsFlags));
        return args.toArray(String[]::new);
    }

    /** Reads the decoder error counter with JmxRead.java as user reader, over TLS or not. */
    private JdkTools.Run read(int port, List<String> stores, boolean tls) throws Exception {
        Path client = dir.resolve("JmxRead.java");
        if (!client.toFile().exists()) {
            E2eFiles.jmxClient(dir);
        }
        List<String> command = new ArrayList<>(List.of("java", "-Djmx.ssl=" + tls, "-Djmx.user=reader",
                "-Djmx.password=s3cret"));
        command.addAll(stores);
        command.addAll(List.of(client.toString(), "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi", ERRORS));
        return JdkTools.run(dir, command);
    }

    /** The javax.net.ssl properties for a key store and a trust store, either may be null. */
    private List<String> stores(String keyStore, String trustStore) {
        List<String> properties = new ArrayList<>();
        if (keyStore != null) {
            properties.addAll(List.of("-Djavax.net.ssl.keyStore=" + dir.resolve(keyStore),
                    "-Djavax.net.ssl.keyStorePassword=" + PASSWORD));
        }
        if (trustStore != null) {
            properties.addAll(List.of("-Djavax.net.ssl.trustStore=" + dir.resolve(trustStore),
                    "-Djavax.net.ssl.trustStorePassword=" + PASSWORD));
        }
        return properties;
    }

    /** NAME.p12 holding a new key pair and self-signed certificate, which is exported to NAME.cer. */
    private void keyPair(String name, String subject, String alternativeName) throws Exception {
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", subject, "-ext",
                alternativeName, "-validity", "2", "-storetype", "PKCS12", "-keystore", name + ".p12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", name, "-keystore", name + ".p12", "-storepass", PASSWORD, "-file",
                name + ".cer");
    }

    /** A trust store holding the certificate NAME.cer only. */
    private void trust(String store, String name) throws Exception {
        keytool("-importcert", "-noprompt", "-alias", name, "-file", name + ".cer", "-storetype", "PKCS12",
                "-keystore", store, "-storepass", PASSWORD);
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("keytool"));
        command.addAll(List.of(args));
        JdkTools.Run run = JdkTools.run(dir, command);
        assertEquals(0, run.status(), run.lines().toString());
    }
}
