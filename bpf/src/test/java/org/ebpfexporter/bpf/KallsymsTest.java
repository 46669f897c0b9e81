package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KallsymsTest {
    private static final String FIXTURE = """
            ffffffeb19d90830 T pipe_lock
            ffffffeb19d90870 T pipe_unlock
            ffffffffc0a01000 t nf_hook [nf_tables]
            """;

    @Test
    void exactAddressesResolve() throws IOException {
        Kallsyms symbols = Kallsyms.parse(new StringReader(FIXTURE));
        assertEquals(Optional.of("pipe_lock"), symbols.symbolAt(0xffffffeb19d90830L));
        assertEquals(Optional.empty(), symbols.symbolAt(0xffffffeb19d90828L));
        assertEquals(Optional.of("nf_hook"), symbols.symbolAt(0xffffffffc0a01000L));
    }

    @Test
    void containingSymbolIsTheLastAtOrBelow() throws IOException {
        Kallsyms symbols = Kallsyms.parse(new StringReader(FIXTURE));
        assertEquals(Optional.of("pipe_lock"), symbols.symbolContaining(0xffffffeb19d90840L));
        assertEquals(Optional.of("pipe_unlock"), symbols.symbolContaining(0xffffffeb19d90870L));
        assertEquals(Optional.empty(), symbols.symbolContaining(0xffffffeb19d90828L));
    }

    @Test
    void symbolsResolveToAddresses() throws IOException {
        Kallsyms symbols = Kallsyms.parse(new StringReader(FIXTURE));
        assertEquals(Optional.of(0xffffffeb19d90870L), symbols.address("pipe_unlock"));
        assertEquals(Optional.empty(), symbols.address("nothing"));
        assertEquals(3, symbols.size());
    }

    @Test
    void theRunningKernelsTableRoundTrips() {
        Kallsyms symbols = Kallsyms.load();
        long address = symbols.address("do_nanosleep").orElseThrow();
        assertTrue(address != 0, "addresses are visible to root");
        assertEquals(Optional.of("do_nanosleep"), symbols.symbolContaining(address + 1));
    }
}
