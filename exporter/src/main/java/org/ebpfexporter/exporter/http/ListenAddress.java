package org.ebpfexporter.exporter.http;

/**
 * A {@code --web.listen-address} value as upstream spells it: {@code :9435} for every interface,
 * {@code host:9435} or {@code [::1]:9435} for one.
 *
 * @param host the host to bind, or {@code null} for every interface
 * @param port the port, 0 for any free one
 */
public record ListenAddress(String host, int port) {
    /**
     * Parses an address.
     *
     * @throws IllegalArgumentException naming the text when it is not {@code [host]:port}
     */
    public static ListenAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("listen address \"" + text + "\" has no port (example: :9435)");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listen address \"" + text + "\" has an invalid port");
        }
        return new ListenAddress(host.isEmpty() ? null : host, port);
    }
}
