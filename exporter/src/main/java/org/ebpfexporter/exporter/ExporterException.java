package org.ebpfexporter.exporter;

/** The exporter could not start; the message is one line naming the config and the problem. */
public final class ExporterException extends RuntimeException {
    /** @param message one line; {@code cause} keeps detail such as a verifier log */
    public ExporterException(String message, Throwable cause) {
        super(message, cause);
    }
}
