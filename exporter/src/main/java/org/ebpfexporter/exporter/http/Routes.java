package org.ebpfexporter.exporter.http;

import java.time.Duration;
import java.util.Map;
import org.ebpfexporter.exporter.http.web.BasicAuth;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's one handler: adds the configured headers, checks basic authentication (on every
 * path, as the toolkit does), allows GET and HEAD only (405 with {@code Allow} otherwise), and hands
 * the request to the page of its exact path (404 otherwise).
 */
final class Routes extends Handler.Abstract {
    private static final String ALLOWED_METHODS = "GET, HEAD";

    private final Map<String, Page> pages;
    private final Map<String, String> headers;
    private final BasicAuth auth;
    private final Duration responseTimeout;

    /**
     * @param pages           path to page
     * @param headers         added to every response
     * @param auth            the users allowed, or {@code null} for no authentication
     * @param responseTimeout the time allowed to write a response
     */
    Routes(Map<String, Page> pages, Map<String, String> headers, BasicAuth auth, Duration responseTimeout) {
        this.pages = Map.copyOf(pages);
        this.headers = headers;
        this.auth = auth;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.forEach(response.getHeaders()::put);
        if (auth != null && !auth.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic");
            PlainText.status(request, response, callback, HttpStatus.UNAUTHORIZED_401, responseTimeout);
            return true;
        }
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, ALLOWED_METHODS);
            PlainText.status(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, responseTimeout);
            return true;
        }
        Page page = pages.get(Request.getPathInContext(request));
        if (page == null) {
            PlainText.status(request, response, callback, HttpStatus.NOT_FOUND_404, responseTimeout);
            return true;
        }
        page.serve(request, response, callback, responseTimeout);
        return true;
    }
}
