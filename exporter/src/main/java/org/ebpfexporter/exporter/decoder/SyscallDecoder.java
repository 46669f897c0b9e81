package org.ebpfexporter.exporter.decoder;

/**
 * {@code syscall}: a system call number (decimal text, as {@code uint} outputs) as its name, from
 * the table of the machine's architecture ({@code x86_64} or {@code arm64}), or
 * {@code unknown_syscall:N}.
 */
public final class SyscallDecoder implements Decoder {
    private final NumberTable syscalls;

    /** The table of the architecture this JVM runs on ({@code os.arch}). */
    public SyscallDecoder() {
        this(System.getProperty("os.arch"));
    }

    /**
     * @param arch a Java {@code os.arch} value; {@code aarch64}/{@code arm64} select the generic
     *             table, anything else the x86-64 one
     */
    SyscallDecoder(String arch) {
        boolean arm = "aarch64".equals(arch) || "arm64".equals(arch);
        this.syscalls = NumberTable.load(arm ? "syscalls-arm64.txt" : "syscalls-x86_64.txt");
    }

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        long number = NumberTable.parse("syscall", input, offset, length);
        String name = syscalls.name(number);
        return name != null ? name : "unknown_syscall:" + number;
    }
}
