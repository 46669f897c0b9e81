package org.ebpfexporter.exporter.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Short plain-text responses: errors as Go's {@code http.Error} writes them (status text and a newline). */
final class PlainText {
    static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private PlainText() {}

    /** A status with its reason phrase as the body. */
    static void status(Request request, Response response, Callback callback, int status, Duration timeout) {
        send(request, response, callback, status, HttpStatus.getMessage(status) + "\n", timeout);
    }

    /** A status with a text body. */
    static void send(Request request, Response response, Callback callback, int status, String text,
                     Duration timeout) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        BodyWriter.send(request, response, callback, text.getBytes(StandardCharsets.UTF_8), timeout);
    }
}
