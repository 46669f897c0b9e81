package org.ebpfexporter.bpf.internal;

/** Closing file descriptors that no libbpf object owns. */
public final class FileDescriptors {
    private FileDescriptors() {}

    /** Closes {@code fd}, ignoring errors: there is nothing to do about a failed close. */
    public static void close(int fd) {
        try {
            int ignored = (int) LibC.close.invokeExact(fd);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
    }
}
