package org.ebpfexporter.exporter.decoder;

/** {@code syscall}: an x86-64 system call number (decimal text, as {@code uint} outputs) as its name. */
public final class SyscallDecoder implements Decoder {
    private static final NumberTable SYSCALLS = NumberTable.load("syscalls-x86_64.txt");

    @Override
    public String decode(byte[] input, int offset, int length) throws DecoderException {
        long number = NumberTable.parse("syscall", input, offset, length);
        String name = SYSCALLS.name(number);
        return name != null ? name : "unknown_syscall:" + number;
    }
}
