package org.ebpfexporter.exporter.http;

import java.time.Duration;

/**
 * What bounds the HTTP server, so that no client can hold the scrape path.
 *
 * @param requestTimeout   a connection must deliver a complete request header within this time of being accepted
 *                         or of its previous response completing, else it is closed: bounds slow-loris senders
 *                         and idle keep-alive connections
 * @param responseTimeout  a response must be written within this time, else its connection is closed: bounds
 *                         slow readers
 * @param idleTimeout      a connection with no network traffic at all for this long is closed
 * @param maxHeaderBytes   the largest request line plus header accepted; larger ones get 431
 * @param maxConnections   connections open at once; beyond it the server stops accepting, and the open ones
 *                         get {@code limitIdleTimeout} until the count falls again
 * @param limitIdleTimeout the idle timeout of every connection while {@code maxConnections} are open
 */
public record ServerLimits(Duration requestTimeout, Duration responseTimeout, Duration idleTimeout,
                           int maxHeaderBytes, int maxConnections, Duration limitIdleTimeout) {
    /** The limits of the exporter's endpoint. */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(30), 8 * 1024, 1024, Duration.ofSeconds(1));

    /** Checks that every bound is positive. */
    public ServerLimits {
        for (Duration timeout : new Duration[] {requestTimeout, responseTimeout, idleTimeout, limitIdleTimeout}) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("HTTP server timeouts must be positive: " + timeout);
            }
        }
        if (maxHeaderBytes < 1024 || maxConnections < 1) {
            throw new IllegalArgumentException("HTTP server limits too small: header " + maxHeaderBytes
                    + " bytes, " + maxConnections + " connections");
        }
    }
}
