package org.ebpfexporter.exporter.http;

import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The telemetry path: one scrape per request, its body sent with a known Content-Length. A failed
 * collection is a 500 with the reason, never a crash.
 */
final class MetricsHandler implements Page {
    private static final System.Logger logger = System.getLogger(MetricsHandler.class.getName());

    private final ScrapeSource scrapes;

    MetricsHandler(ScrapeSource scrapes) {
        this.scrapes = scrapes;
    }

    @Override
    public void serve(Request request, Response response, Callback callback, Duration timeout) {
        ScrapeResponse scrape;
        try {
            scrape = scrapes.scrape(request.getHeaders().get(HttpHeader.ACCEPT),
                    acceptsGzip(request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING)));
        } catch (Exception e) {
            logger.log(System.Logger.Level.WARNING, "collecting metrics failed", e);
            PlainText.send(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    "collecting metrics failed: " + e + "\n", timeout);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, scrape.contentType());
        if (scrape.gzipped()) {
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        BodyWriter.send(request, response, callback, scrape.body(), scrape.release(), timeout);
    }

    static boolean acceptsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String header : acceptEncoding) {
            for (String coding : header.split(",")) {
                String[] parts = coding.strip().split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip") && !refused(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a coding carries {@code q=0}. */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
