package org.ebpfexporter.exporter.http.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Go's names of TLS versions, cipher suites and curves, as the toolkit accepts them, mapped to JSSE's. */
final class GoTlsNames {
    /** Versions in ascending order: Go's name, JSSE's name. */
    static final List<Map.Entry<String, String>> VERSIONS = List.of(Map.entry("TLS10", "TLSv1"),
            Map.entry("TLS11", "TLSv1.1"), Map.entry("TLS12", "TLSv1.2"), Map.entry("TLS13", "TLSv1.3"));

    /**
     * TLS 1.3 suites: Go cannot restrict them (it ignores them in {@code cipher_suites}), so they stay
     * enabled whatever the file lists, as they do for the toolkit.
     */
    static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    /** What Go's {@code tls.CipherSuites()} lists for TLS 1.2 and older; JSSE spells them the same (IANA). */
    private static final Set<String> TLS12_SUITES = Set.of(
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final Map<String, String> CURVES = Map.of("CurveP256", "secp256r1", "CurveP384", "secp384r1",
            "CurveP521", "secp521r1", "X25519", "x25519");

    private GoTlsNames() {}

    /** The index of a Go version name in {@link #VERSIONS}. */
    static Optional<Integer> version(String goName) {
        for (int i = 0; i < VERSIONS.size(); i++) {
            if (VERSIONS.get(i).getKey().equals(goName)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** JSSE's name of a cipher suite Go knows, or empty. */
    static Optional<String> cipherSuite(String goName) {
        return TLS12_SUITES.contains(goName) || TLS13_SUITES.contains(goName) ? Optional.of(goName)
                : Optional.empty();
    }

    /** The suites to enable for the listed ones: those for TLS 1.2 and older in order, then every TLS 1.3 suite. */
    static List<String> enabledSuites(List<String> listed) {
        if (listed.isEmpty()) {
            return List.of();
        }
        List<String> enabled = new ArrayList<>(listed.stream().filter(s -> !TLS13_SUITES.contains(s)).toList());
        enabled.addAll(TLS13_SUITES);
        return enabled;
    }

    /** JSSE's name of a curve Go knows, or empty. */
    static Optional<String> curve(String goName) {
        return Optional.ofNullable(CURVES.get(goName));
    }
}
