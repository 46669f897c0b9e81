package org.ebpfexporter.exporter.http.web;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The JSSE context of a {@link TlsServerConfig}: its key pair, and the trust its client policy asks for. */
public final class SslContexts {
    private static final Map<String, String> PROOF_SIGNATURES = Map.of("RSA", "SHA256withRSA",
            "EC", "SHA256withECDSA", "Ed25519", "Ed25519");

    private SslContexts() {}

    /**
     * A server context.
     *
     * @throws IllegalArgumentException when the key does not match the certificate or a PEM does not parse
     */
    public static SSLContext server(TlsServerConfig tls) throws GeneralSecurityException {
        List<X509Certificate> chain = Pem.certificates(tls.certificatePem());
        PrivateKey key = Pem.privateKey(tls.keyPem());
        checkPair(chain.getFirst(), key);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers(chain, key).getKeyManagers(), trustManagers(tls), null);
        return context;
    }

    /** Key managers holding one key pair, for servers and for clients. */
    public static KeyManagerFactory keyManagers(List<X509Certificate> chain, PrivateKey key)
            throws GeneralSecurityException {
        char[] password = new char[16];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        KeyStore store = emptyStore();
        store.setKeyEntry("key", key, password, chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }

    /** Trust managers that trust the given CA certificates only. */
    public static TrustManager[] trusting(List<X509Certificate> authorities) throws GeneralSecurityException {
        KeyStore store = emptyStore();
        for (int i = 0; i < authorities.size(); i++) {
            store.setCertificateEntry("ca" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static TrustManager[] trustManagers(TlsServerConfig tls) throws GeneralSecurityException {
        if (!tls.clientAuth().asks()) {
            return null;
        }
        if (!tls.clientAuth().verifies()) {
            return new TrustManager[] {new AnyClientCertificate()};
        }
        if (tls.clientCaPem() != null) {
            return trusting(Pem.certificates(tls.clientCaPem()));
        }
        // As Go verifies against the system roots when no client CA is given.
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return factory.getTrustManagers();
    }

    /** Fails as Go's {@code tls.X509KeyPair} does when the key is not the certificate's. */
    private static void checkPair(X509Certificate certificate, PrivateKey key) throws GeneralSecurityException {
        String algorithm = PROOF_SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null) {
            return;
        }
        byte[] proof = "ebpf-exporter key pair check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(proof);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        try {
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(proof);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // A key of another algorithm than the certificate's: no match either.
        }
        throw new IllegalArgumentException("private key does not match the certificate's public key");
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    /** RequestClientCert and RequireAnyClientCert: any client certificate is taken, none is verified. */
    private static final class AnyClientCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws
                java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("this trust manager verifies no server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
