package org.ebpfexporter.exporter.http;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.ebpfexporter.exporter.http.web.Pem;
import org.ebpfexporter.exporter.http.web.SslContexts;
import org.ebpfexporter.exporter.http.web.WebConfig;
import org.ebpfexporter.exporter.http.web.WebConfigLoader;

/** The test-only TLS material of {@code src/test/resources/tls} (made by its generate.sh), and web configs using it. */
final class TlsFiles {
    private TlsFiles() {}

    static Path dir() {
        try {
            return Path.of(TlsFiles.class.getResource("/tls/ca.pem").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    /** Writes {@code yaml} to {@code web.yml} in {@code dir} and loads it. */
    static WebConfig webConfig(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("web.yml");
        Files.writeString(file, yaml);
        return WebConfigLoader.load(file);
    }

    /** The server part of a web config: the test server certificate, its key, and {@code more} lines. */
    static String serverTls(String... more) {
        StringBuilder yaml = new StringBuilder("tls_server_config:\n  cert_file: " + file("server.pem")
                + "\n  key_file: " + file("server.key") + "\n");
        for (String line : more) {
            yaml.append("  ").append(line).append('\n');
        }
        return yaml.toString();
    }

    /**
     * Presents its one certificate whatever CAs the server names: the JDK's client would rather send
     * none than one the server's CAs did not issue, and the tests must see the server refuse it.
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509KeyManager keys;

        AlwaysPresent(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "key";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "key";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"key"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    /**
     * A client context trusting the test server CA, presenting the key pair {@code name}.pem and
     * {@code name}.key, or no certificate when {@code name} is null.
     */
    static SSLContext client(String name) throws IOException, GeneralSecurityException {
        KeyManager[] keys = null;
        if (name != null) {
            X509KeyManager manager = (X509KeyManager) SslContexts.keyManagers(
                    Pem.certificates(Files.readString(file(name + ".pem"))),
                    Pem.privateKey(Files.readString(file(name + ".key")))).getKeyManagers()[0];
            keys = new KeyManager[] {new AlwaysPresent(manager)};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, SslContexts.trusting(Pem.certificates(Files.readString(file("ca.pem")))), null);
        return context;
    }
}
