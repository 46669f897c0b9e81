package org.ebpfexporter.bpf;

/**
 * Loading an object into the kernel failed. The verifier's log, when the kernel gave one, is kept
 * out of the message (it can be thousands of lines) and available from {@link #verifierLog()};
 * the message carries its last line, which usually names the problem.
 */
public final class BpfLoadException extends BpfException {
    private final String verifierLog;

    BpfLoadException(String object, int errno, String verifierLog) {
        super("loading " + object + " failed" + summary(verifierLog), errno);
        this.verifierLog = verifierLog;
    }

    /** The full verifier log, or an empty string when the failure was not the verifier's. */
    public String verifierLog() {
        return verifierLog;
    }

    private static String summary(String log) {
        String[] lines = log.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : " (verifier: " + last + ")";
    }
}
