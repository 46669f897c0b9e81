package org.ebpfexporter.exporter.config;

/**
 * A config that cannot be used; the message is one line naming file, metric, field and problem.
 * Line breaks in it (a multi-line value quoted from the YAML) are escaped as {@code \n}.
 */
public final class ConfigException extends RuntimeException {
    /** @param message one line: {@code FILE: METRIC: FIELD: PROBLEM} */
    public ConfigException(String message) {
        super(oneLine(message));
    }

    /** @param message one line; {@code cause} carries detail such as a parser position */
    public ConfigException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String message) {
        if (message == null || message.chars().noneMatch(ConfigException::isLineBreak)) {
            return message;
        }
        StringBuilder line = new StringBuilder(message.length() + 8);
        message.chars().forEach(c -> {
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(isLineBreak(c) ? String.format("\\u%04x", c) : Character.toString(c));
            }
        });
        return line.toString();
    }

    /** What {@code \R} matches: a message with one of these would not read as one line. */
    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }
}
