package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table follows the architecture: x86-64 or arm64's generic numbering. */
class SyscallDecoderTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "amd64, 0, read", "amd64, 110, getppid", "amd64, 435, clone3",
        "aarch64, 63, read", "aarch64, 64, write", "aarch64, 173, getppid", "aarch64, 56, openat",
        "aarch64, 79, newfstatat", "aarch64, 435, clone3", "aarch64, 2, io_submit", "aarch64, 1000, unknown_syscall:1000"})
    void namesByArchitecture(String arch, String number, String name) throws DecoderException {
        assertEquals(name, new SyscallDecoder(arch).decode(number));
    }
}
