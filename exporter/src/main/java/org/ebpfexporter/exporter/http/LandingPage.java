package org.ebpfexporter.exporter.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A small HTML page at {@code /} linking to the metrics path. */
final class LandingPage implements Page {
    private final byte[] page;

    LandingPage(String metricsPath) {
        String path = metricsPath.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        page = ("<!DOCTYPE html>\n<html><head><title>eBPF Exporter</title></head><body>\n"
                + "<h1>eBPF Exporter</h1>\n<p><a href=\"" + path + "\">Metrics</a></p>\n</body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void serve(Request request, Response response, Callback callback, Duration timeout) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        BodyWriter.send(request, response, callback, page, timeout);
    }
}
