package org.ebpfexporter.exporter.http.web;

import java.util.Arrays;
import java.util.Optional;

/** {@code client_auth_type}: Go's {@code tls.ClientAuthType}, spelled as the toolkit spells it. */
public enum ClientAuth {
    /** No client certificate is asked for. */
    NO_CLIENT_CERT("NoClientCert", false, false, false),
    /** A certificate is asked for; none is needed and one sent is not verified. */
    REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
    /** A certificate is needed but not verified (also spelled {@code RequireClientCert}). */
    REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
    /** A certificate is asked for; one sent must verify against the client CAs. */
    VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
    /** A certificate that verifies against the client CAs is needed: the only one that authenticates clients. */
    REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

    private final String spelling;
    private final boolean asks;
    private final boolean requires;
    private final boolean verifies;

    ClientAuth(String spelling, boolean asks, boolean requires, boolean verifies) {
        this.spelling = spelling;
        this.asks = asks;
        this.requires = requires;
        this.verifies = verifies;
    }

    /** The value as written in the file. */
    public String spelling() {
        return spelling;
    }

    /** Whether the server asks the client for a certificate. */
    public boolean asks() {
        return asks;
    }

    /** Whether the handshake fails without a client certificate. */
    public boolean requires() {
        return requires;
    }

    /** Whether a client certificate must chain to a client CA. */
    public boolean verifies() {
        return verifies;
    }

    /** The policy of a spelling; {@code RequireClientCert} is the toolkit's older name of {@code RequireAnyClientCert}. */
    static Optional<ClientAuth> parse(String value) {
        if (value.equals("RequireClientCert")) {
            return Optional.of(REQUIRE_ANY_CLIENT_CERT);
        }
        return Arrays.stream(values()).filter(c -> c.spelling.equals(value)).findFirst();
    }
}
