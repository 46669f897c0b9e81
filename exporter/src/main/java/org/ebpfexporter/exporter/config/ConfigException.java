package org.ebpfexporter.exporter.config;

/** A config that cannot be used; the message is one line naming file, metric, field and problem. */
public final class ConfigException extends RuntimeException {
    /** @param message one line: {@code FILE: METRIC: FIELD: PROBLEM} */
    public ConfigException(String message) {
        super(message);
    }

    /** @param message one line; {@code cause} carries detail such as a parser position */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
