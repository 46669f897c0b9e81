package org.ebpfexporter.exporter.http.web;

import java.util.List;

/**
 * {@code tls_server_config}, with names already mapped to JSSE's.
 *
 * @param certificatePem   the server's certificate chain, PEM
 * @param keyPem           the server's private key, PEM (PKCS#8, PKCS#1 RSA or SEC 1 EC)
 * @param clientCaPem      CA certificates client certificates are verified against, PEM; {@code null} for the
 *                         JDK's default trust store
 * @param clientAuth       the client certificate policy
 * @param protocols        the TLS versions enabled, JSSE names such as {@code TLSv1.3}
 * @param cipherSuites     JSSE cipher suite names enabled for TLS 1.2 and older; empty for the JDK's defaults
 * @param serverOrder      whether the server's cipher suite order wins
 * @param namedGroups      the key exchange groups in preference order, JSSE names; empty for the JDK's defaults
 */
public record TlsServerConfig(String certificatePem, String keyPem, String clientCaPem, ClientAuth clientAuth,
                              List<String> protocols, List<String> cipherSuites, boolean serverOrder,
                              List<String> namedGroups) {
    /** Copies the lists. */
    public TlsServerConfig {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
    }

    @Override
    public String toString() {
        return "TlsServerConfig[clientAuth=" + clientAuth + ", protocols=" + protocols + ", cipherSuites="
                + cipherSuites + ", serverOrder=" + serverOrder + ", namedGroups=" + namedGroups + "]";
    }
}
