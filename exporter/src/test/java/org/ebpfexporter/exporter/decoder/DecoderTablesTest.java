package org.ebpfexporter.exporter.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ebpfexporter.exporter.config.DecoderSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Raw byte vectors per decoder (inputs as in the acceptance file), against the test fixtures. */
class DecoderTablesTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            inet_ip      | hex:7f000001                         | 127.0.0.1
            inet_ip      | hex:00000000000000000000000000000001 | ::1
            inet_ip      | hex:00000000000000000000000000000000 | ::
            inet_ip      | hex:00000000000000000000ffff0a000001 | 10.0.0.1
            inet_ip      | hex:20010db8000000010000000000000001 | 2001:db8:0:1::1
            inet_ip      | hex:20010db8000000000001000000000001 | 2001:db8::1:0:0:1
            inet_ip      | hex:fe800000000000000000000000000000 | fe80::
            inet_ip      | hex:010203                           | ?010203
            dname        | str:\\x03www\\x07example\\x03com\\0  | www.example.com.
            dname        | str:\\x41ab                        | Aab
            kstack       | hex:3008d919ebffffff7808d919ebffffff0000000000000000 | 'pipe_lock\npipe_unlock'
            kstack       | hex:0000000000000000                 | ''
            kstack       | hex:0100000000000000                 | ??
            majorminor   | hex:01080000                         | sda1
            majorminor   | hex:00031100                         | nvme0n1p9
            majorminor   | hex:0003010000000000                 | nvme0n1
            majorminor   | hex:09090000                         | unknown:9:9
            ifname       | hex:01000000                         | lo
            ifname       | hex:ffffff7f                         | unknown:2147483647
            pci_vendor   | str:4318                             | NVIDIA Corporation
            pci_vendor   | str:4660                             | unknown pci vendor: 0x1234
            pci_device   | str:2156269568                       | 82542 Gigabit Ethernet Controller (Fiber)
            pci_device   | str:282994436                        | AD103 [GeForce RTX 4080]
            pci_device   | str:3735928559                       | unknown pci device: 0xdeadbeef
            pci_class    | str:1                                | Mass storage controller
            pci_class    | str:255                              | unknown pci class: 0xff
            pci_subclass | str:264                              | Non-Volatile memory controller
            pci_subclass | str:512                              | Ethernet controller
            pci_subclass | str:265                              | unknown pci subclass: 0x09 (class 0x01)
            pci_subclass | str:65280                            | unknown pci class: 0xff
            errno        | str:11                               | EAGAIN
            errno        | str:0                                | unknown:0
            syscall      | str:435                              | clone3
            syscall      | str:-1                               | unknown_syscall:-1
            string       | hex:6869000000                       | hi
            uint         | hex:ffffffff                         | 4294967295
            hex          | hex:                                 | ''
            """)
    void decodes(String decoder, String input, String expected) throws DecoderException {
        String unescaped = expected.replace("\\n", "\n").replace("\\\\", "\\");
        String in = input.replace("\\\\", "\\");
        assertEquals(unescaped, DecoderVectorsTest.REGISTRY.create(DecoderSpec.of(decoder))
                .decode(DecoderVectorsTest.bytes(in)));
    }
}
