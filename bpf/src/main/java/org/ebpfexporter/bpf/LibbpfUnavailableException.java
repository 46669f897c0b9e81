package org.ebpfexporter.bpf;

/** {@code libbpf.so.1} could not be loaded, or lacks a function the exporter needs. */
public final class LibbpfUnavailableException extends BpfException {
    /**
     * @param library the shared object name or path that was tried
     * @param reason  what the dynamic loader said
     */
    public LibbpfUnavailableException(String library, String reason) {
        super("libbpf is not available (" + library + "): " + reason
                + "; install it (Debian: apt-get install libbpf1)", 0);
    }
}
