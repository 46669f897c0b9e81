package org.ebpfexporter.exporter.http.web;

/** A web config file that cannot be used; the message is one line naming the file, the field and the problem. */
public final class WebConfigException extends IllegalArgumentException {
    WebConfigException(String message) {
        super(message);
    }

    WebConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
