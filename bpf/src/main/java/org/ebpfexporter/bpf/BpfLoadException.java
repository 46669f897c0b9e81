package org.ebpfexporter.bpf;

import java.util.List;

/**
 * Loading an object into the kernel failed. The verifier's log, when the kernel gave one, is kept
 * out of the message (it can be thousands of lines) and available from {@link #verifierLog()};
 * the message carries its last line before the statistics, which usually names the problem.
 */
public final class BpfLoadException extends BpfException {
    private final String verifierLog;

    BpfLoadException(String object, int errno, String verifierLog, PrivilegeNeeds needs) {
        super("loading " + object + " failed" + summary(verifierLog), errno,
                verifierLog.isBlank() ? needs : needs.refusedBy(List.of("the verifier")));
        this.verifierLog = verifierLog;
    }

    /** The full verifier log, or an empty string when the failure was not the verifier's. */
    public String verifierLog() {
        return verifierLog;
    }

    private static String summary(String log) {
        // The verifier ends with "processed N insns ..." statistics; the line before names the problem.
        List<String> lines = log.strip().lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("processed ")).toList();
        return lines.isEmpty() ? "" : " (verifier: " + lines.getLast() + ")";
    }
}
