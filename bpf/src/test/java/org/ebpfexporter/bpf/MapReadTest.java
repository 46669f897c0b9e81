package org.ebpfexporter.bpf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.ebpfexporter.bpf.testing.KernelTest;
import org.ebpfexporter.bpf.testing.Syscalls;
import org.ebpfexporter.bpf.testing.TestObjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Batch and key-by-key reads of the same map return the same entries, for every readable kind. */
@KernelTest
class MapReadTest {

    @ParameterizedTest(name = "{0} with {1} entries")
    @CsvSource({
        "hash_1, 1, HASH", "hash_100k, 100000, HASH",
        "lru_hash_1, 1, LRU_HASH", "lru_hash_100k, 100000, LRU_HASH",
        "array_1, 1, ARRAY", "array_100k, 100000, ARRAY",
        "percpu_hash_1, 1, PERCPU_HASH", "percpu_hash_100k, 100000, PERCPU_HASH",
        "percpu_array_1, 1, PERCPU_ARRAY", "percpu_array_100k, 100000, PERCPU_ARRAY",
    })
    void batchAndKeyByKeyReadsAgree(String name, int entries, MapType type) {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            object.load();
            BpfMap map = object.map(name);
            assertEquals(type, map.type());
            assertTrue(map.maxEntries() >= entries);
            int cpus = type.perCpu() ? BpfMap.possibleCpus() : 1;
            for (int key = 0; key < entries; key++) {
                map.update(key(key), value(key, cpus));
            }

            MapEntries batch = map.newEntries();
            MapEntries keyByKey = map.newEntries();
            assertEquals(entries, map.readBatch(batch));
            assertEquals(entries, map.readKeyByKey(keyByKey));
            assertEquals(contents(keyByKey), contents(batch));

            Map<Integer, Long> expected = new HashMap<>();
            for (int key = 0; key < entries; key++) {
                expected.put(key, (long) key * 3 * cpus + (cpus * (cpus - 1)) / 2);
            }
            assertEquals(expected, contents(batch));
            assertEquals(cpus, batch.cpus());
            for (int i = 0; i < batch.count(); i++) {
                int key = ByteBuffer.wrap(batch.key(i)).order(ByteOrder.nativeOrder()).getInt();
                for (int cpu = 0; cpu < cpus; cpu++) {
                    assertEquals(3L * key + cpu, batch.u64(i, cpu), "slot " + cpu + " of key " + key);
                }
            }
        }
    }

    @Test
    void readFallsBackToKeyByKeyWhereBatchIsUnsupported() {
        try (BpfObject object = BpfTestSupport.load("maps.bpf.o")) {
            object.program("record_stack").orElseThrow().attach();
            Syscalls.getppid(3);
            BpfMap stacks = object.map("stacks");
            assertEquals(MapType.STACK_TRACE, stacks.type());
            MapEntries entries = stacks.newEntries();
            assertEquals(-1, stacks.readBatch(entries));
            int count = stacks.read(entries);
            assertTrue(count >= 1, "stacks recorded: " + count);
            assertEquals(count, stacks.readKeyByKey(stacks.newEntries()));
        }
    }

    @Test
    void perfEventArraysCannotBeRead() {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            object.load();
            BpfMap events = object.map("events");
            assertEquals(MapType.PERF_EVENT_ARRAY, events.type());
            BpfMapException e = assertThrows(BpfMapException.class, () -> events.read(events.newEntries()));
            assertTrue(e.getMessage().contains("events"), e.getMessage());
        }
    }

    @Test
    void emptyHashMapReadsAsEmpty() {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            object.load();
            BpfMap map = object.map("hash_100k");
            MapEntries entries = map.newEntries();
            assertEquals(0, map.read(entries));
            assertEquals(0, map.readKeyByKey(entries));
        }
    }

    @Test
    void lookupFindsOneEntry() {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            object.load();
            BpfMap map = object.map("lru_hash_100k");
            map.update(key(7), value(7, 1));
            assertArrayEquals(value(7, 1), map.lookup(key(7)).orElseThrow());
            assertTrue(map.lookup(key(8)).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> map.lookup(new byte[3]));
        }
    }

    @Test
    void lookupOfAPerCpuMapGivesEveryCpusSlot() {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            object.load();
            BpfMap map = object.map("percpu_hash_1");
            int cpus = BpfMap.possibleCpus();
            map.update(key(2), value(2, cpus));
            assertArrayEquals(value(2, cpus), map.lookup(key(2)).orElseThrow());
        }
    }

    @Test
    void lookupAfterCloseFails() {
        BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"));
        object.load();
        BpfMap map = object.map("hash_1");
        object.close();
        assertThrows(IllegalStateException.class, () -> map.lookup(key(0)));
    }

    @Test
    void updateAfterCloseFailsBeforeTouchingTheFreedMap() {
        BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"));
        object.load();
        BpfMap map = object.map("hash_1");
        object.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> map.update(key(0), value(0, 1)));
        assertEquals(TestObjects.file("maps.bpf.o") + " is closed", e.getMessage());
    }

    @Test
    void mapsOfAnObjectNotLoadedSayNotLoaded() {
        try (BpfObject object = BpfObject.open(TestObjects.file("maps.bpf.o"))) {
            BpfMap map = object.map("hash_1");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> map.lookup(key(0)));
            assertEquals("map hash_1 of " + TestObjects.file("maps.bpf.o") + " is not loaded", e.getMessage());
            assertThrows(IllegalStateException.class, () -> map.read(map.newEntries()));
        }
    }

    /** Key to the sum over CPUs of its value. */
    private static Map<Integer, Long> contents(MapEntries entries) {
        Map<Integer, Long> contents = new HashMap<>();
        for (int i = 0; i < entries.count(); i++) {
            contents.put(ByteBuffer.wrap(entries.key(i)).order(ByteOrder.nativeOrder()).getInt(), entries.u64(i));
        }
        return contents;
    }

    private static byte[] key(int key) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(key).array();
    }

    /** CPU slot c of key k holds 3k + c. */
    private static byte[] value(int key, int cpus) {
        ByteBuffer value = ByteBuffer.allocate(8 * cpus).order(ByteOrder.nativeOrder());
        for (int cpu = 0; cpu < cpus; cpu++) {
            value.putLong(3L * key + cpu);
        }
        return value.array();
    }
}
