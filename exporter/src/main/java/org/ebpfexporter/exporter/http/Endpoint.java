package org.ebpfexporter.exporter.http;

import org.ebpfexporter.exporter.http.web.WebConfig;

/**
 * Where and how the HTTP server serves.
 *
 * @param address     {@code --web.listen-address}
 * @param metricsPath {@code --web.telemetry-path}, such as {@code /metrics}
 * @param web         {@code --web.config.file}: TLS, basic authentication, extra headers
 * @param limits      what bounds connections and requests
 */
public record Endpoint(ListenAddress address, String metricsPath, WebConfig web, ServerLimits limits) {
    /** Checks the path. */
    public Endpoint {
        if (!metricsPath.startsWith("/") || metricsPath.equals("/")) {
            throw new IllegalArgumentException("telemetry path \"" + metricsPath + "\" must start with / and not be /");
        }
    }

    /** Plain HTTP without authentication, with the default limits. */
    public static Endpoint plain(ListenAddress address, String metricsPath) {
        return new Endpoint(address, metricsPath, WebConfig.NONE, ServerLimits.DEFAULTS);
    }

    /** The same endpoint with other limits. */
    public Endpoint withLimits(ServerLimits newLimits) {
        return new Endpoint(address, metricsPath, web, newLimits);
    }

    /** The same endpoint with another web config. */
    public Endpoint withWeb(WebConfig newWeb) {
        return new Endpoint(address, metricsPath, newWeb, limits);
    }
}
