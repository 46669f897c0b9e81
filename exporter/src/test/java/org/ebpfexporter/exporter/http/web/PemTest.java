package org.ebpfexporter.exporter.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The three unencrypted key encodings OpenSSL and Go write, and what is refused. */
class PemTest {
    @Test
    void readsPkcs1Sec1AndPkcs8Keys() throws Exception {
        assertEquals("RSA", Pem.privateKey(read("server.key")).getAlgorithm());
        assertEquals("EC", Pem.privateKey(read("client.key")).getAlgorithm());
        assertEquals("EC", Pem.privateKey(read("ca.key")).getAlgorithm());
        var ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        assertEquals("EdDSA", Pem.privateKey(pem("PRIVATE KEY", ed25519.getEncoded())).getAlgorithm());
    }

    @Test
    void readsEveryCertificateOfAChain() throws Exception {
        assertEquals(2, Pem.certificates(read("server.pem") + read("ca.pem")).size());
    }

    @Test
    void refusesEncryptedAndMissingKeys() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Pem.privateKey(pem("ENCRYPTED PRIVATE KEY", new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> Pem.privateKey(
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
                        + "-----END RSA PRIVATE KEY-----\n"));
        assertThrows(IllegalArgumentException.class, () -> Pem.privateKey(read("server.pem")));
        assertThrows(IllegalArgumentException.class, () -> Pem.privateKey(pem("PRIVATE KEY", new byte[] {0x30, 0})));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    private static String read(String name) throws Exception {
        return Files.readString(Path.of(PemTest.class.getResource("/tls/" + name).toURI()));
    }
}
