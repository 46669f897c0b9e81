package org.ebpfexporter.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void parsesUpstreamForms() {
        assertEquals(new ListenAddress(null, 9435), ListenAddress.parse(":9435"));
        assertEquals(new ListenAddress("127.0.0.1", 0), ListenAddress.parse("127.0.0.1:0"));
        assertEquals(new ListenAddress("::1", 9435), ListenAddress.parse("[::1]:9435"));
    }

    @Test
    void rejectsMissingOrBadPort() {
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(":99999"));
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(":http"));
    }
}
