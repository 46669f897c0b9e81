package org.ebpfexporter.exporter.http.web;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code --web.config.file}, read and checked.
 *
 * @param tls            the TLS settings, or {@code null} to serve plain HTTP
 * @param basicAuthUsers user name to bcrypt hash; empty when no authentication is required
 * @param headers        header name to value, added to every response
 */
public record WebConfig(TlsServerConfig tls, Map<String, String> basicAuthUsers, Map<String, String> headers) {
    /** No file: plain HTTP, no authentication, no extra headers. */
    public static final WebConfig NONE = new WebConfig(null, Map.of(), Map.of());

    /** Copies the maps, sorted for a stable order of the headers. */
    public WebConfig {
        basicAuthUsers = Map.copyOf(basicAuthUsers);
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
    }
}
