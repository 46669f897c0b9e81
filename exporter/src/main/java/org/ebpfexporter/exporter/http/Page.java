package org.ebpfexporter.exporter.http;

import java.time.Duration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One path of the server, called for GET and HEAD requests that passed authentication. */
interface Page {
    /**
     * Writes the response and completes {@code callback}, now or later.
     *
     * @param timeout the time allowed to write the response body
     */
    void serve(Request request, Response response, Callback callback, Duration timeout) throws Exception;
}
