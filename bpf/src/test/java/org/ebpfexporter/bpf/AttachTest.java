package org.ebpfexporter.bpf;

import static org.ebpfexporter.bpf.BpfTestSupport.PID;
import static org.ebpfexporter.bpf.BpfTestSupport.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.api.Test;

/** Each attach type that this kernel supports counts exactly the events the test causes. */
@KernelTest
class AttachTest {

    @Test
    void tracepointCountsGetppid() {
        try (BpfObject object = BpfTestSupport.load("probes.bpf.o")) {
            object.program("count_tracepoint").orElseThrow().attach();
            Syscalls.getppid(25);
            assertEquals(25, counter(object, "tracepoint_hits"));
        }
    }

    @Test
    void rawTracepointCountsGetppid() {
        try (BpfObject object = BpfTestSupport.load("probes.bpf.o")) {
            object.program("count_raw_tp").orElseThrow().attach();
            Syscalls.getppid(31);
            assertEquals(31, counter(object, "raw_tp_hits"));
        }
    }

    @Test
    void btfTracepointCountsGetpgrp() {
        try (BpfObject object = BpfTestSupport.load("probes.bpf.o")) {
            object.program("count_tp_btf").orElseThrow().attach();
            Syscalls.getpgrp(17);
            assertEquals(17, counter(object, "tp_btf_hits"));
        }
    }

    @Test
    void uprobeCountsCallsOfALibraryFunction() throws Throwable {
        Path library = TestObjects.file("libuprobe_target.so");
        try (BpfObject object = BpfTestSupport.load("probes.bpf.o"); Arena arena = Arena.ofConfined()) {
            object.program("count_uprobe").orElseThrow().attachUprobe(library, "ebpfx_uprobe_target", PID, false);
            MethodHandle target = Linker.nativeLinker().downcallHandle(
                    SymbolLookup.libraryLookup(library, arena).find("ebpfx_uprobe_target").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            for (int i = 0; i < 42; i++) {
                int ignored = (int) target.invokeExact(i);
            }
            assertEquals(42, counter(object, "uprobe_hits"));
        }
    }

    @Test
    void usdtCountsHotSpotThreadStarts() throws Exception {
        try (BpfObject object = BpfTestSupport.load("probes.bpf.o")) {
            object.program("count_thread_start").orElseThrow()
                    .attachUsdt(BpfTestSupport.libjvm(), "hotspot", "thread__start", PID);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                threads.add(Thread.ofPlatform().name("ebpfx-usdt-" + i).start(() -> {}));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(7, counter(object, "usdt_hits"));
        }
    }

    @Test
    void softwarePerfEventCountsPageFaults() throws Throwable {
        int pages = 64;
        try (BpfObject object = BpfTestSupport.load("probes.bpf.o")) {
            BpfLink link = object.program("count_page_faults").orElseThrow().attach();
            touchFreshPages(pages);
            link.close();
            long faults = counter(object, "perf_event_hits");
            assertTrue(faults >= pages, "page faults counted: " + faults);
        }
    }

    /** Maps anonymous memory too small for a huge page and touches each page once: one fault each. */
    private static void touchFreshPages(int pages) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle mmap = linker.downcallHandle(linker.defaultLookup().find("mmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MethodHandle munmap = linker.downcallHandle(linker.defaultLookup().find("munmap").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
        long length = pages * 4096L;
        int protReadWrite = 0x3;
        int mapPrivateAnonymous = 0x02 | 0x20;
        MemorySegment memory = ((MemorySegment) mmap.invokeExact(MemorySegment.NULL, length, protReadWrite,
                mapPrivateAnonymous, -1, 0L)).reinterpret(length);
        for (long offset = 0; offset < length; offset += 4096) {
            memory.set(ValueLayout.JAVA_BYTE, offset, (byte) 1);
        }
        int ignored = (int) munmap.invokeExact(memory, length);
    }

    @Test
    void xdpOnLoopbackCountsUdpPackets() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket sender = new DatagramSocket()) {
            BpfObject object = BpfObject.open(TestObjects.file("xdp.bpf.o"));
            try (object) {
                object.setGlobal("target_port", receiver.getLocalPort());
                object.load();
                object.program("count_udp").orElseThrow().attach();
                byte[] payload = new byte[16];
                for (int i = 0; i < 9; i++) {
                    sender.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(),
                            receiver.getLocalPort()));
                    receiver.receive(new DatagramPacket(new byte[64], 64));
                }
                assertEquals(9, counter(object, "xdp_hits"));
            }
        }
    }

    @Test
    void attachAllAttachesEverySectionAndCloseDetaches() {
        BpfObject object = BpfObject.open(TestObjects.file("xdp.bpf.o"));
        try (object) {
            object.load();
            List<BpfLink> links = object.attachAll();
            assertEquals(1, links.size());
            assertTrue(links.getFirst().attached());
        }
        assertThrows(IllegalStateException.class, () -> object.program("count_udp").orElseThrow().attach());
    }

    @Test
    void kprobeLoadsButCannotAttachWithoutKprobeEvents() {
        try (BpfObject object = BpfObject.open(TestObjects.file("kprobe.bpf.o"))) {
            object.load();
            BpfProgram program = object.program("probe_nanosleep").orElseThrow();
            BpfAttachException e = assertThrows(BpfAttachException.class, program::attach);
            assertEquals("ENOENT", e.errnoName());
            assertTrue(e.getMessage().contains("probe_nanosleep (kprobe/do_nanosleep)"), e.getMessage());
            assertTrue(e.getMessage().contains("ENOENT"), e.getMessage());
        }
    }

    @Test
    void fentryFailsToLoadWithEpermWithoutBlamingPrivileges() {
        try (BpfObject object = BpfObject.open(TestObjects.file("fentry.bpf.o"))) {
            BpfLoadException e = assertThrows(BpfLoadException.class, object::load);
            assertEquals("EPERM", e.errnoName());
            // Root has every capability here: the kernel, not a missing privilege, refuses fentry.
            assertEquals("loading " + TestObjects.file("fentry.bpf.o") + " failed: EPERM (Operation not permitted); "
                    + "the process has CAP_BPF and CAP_PERFMON, so no privilege is missing: the kernel refused the "
                    + "program (lockdown, an unsupported program type or the verifier)", e.getMessage());
            assertFalse(object.loaded());
        }
    }
}
