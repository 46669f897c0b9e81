package org.ebpfexporter.exporter.http;

import java.io.IOException;

/** What the telemetry path serves: one scrape's response body, ready to send. */
@FunctionalInterface
public interface ScrapeSource {
    /**
     * Collects (or joins the collection in flight) and returns the body.
     * @param accept the request's Accept header, or null
     * @param gzip   whether the client accepts gzip
     */
    ScrapeResponse scrape(String accept, boolean gzip) throws IOException;
}
