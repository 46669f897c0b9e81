package org.ebpfexporter.bpf;

/** The kernel's map types ({@code enum bpf_map_type}), with the ones this exporter reads named. */
public enum MapType {
    UNSPEC(0), HASH(1), ARRAY(2), PROG_ARRAY(3), PERF_EVENT_ARRAY(4), PERCPU_HASH(5), PERCPU_ARRAY(6),
    STACK_TRACE(7), CGROUP_ARRAY(8), LRU_HASH(9), LRU_PERCPU_HASH(10), LPM_TRIE(11), ARRAY_OF_MAPS(12),
    HASH_OF_MAPS(13), DEVMAP(14), SOCKMAP(15), CPUMAP(16), XSKMAP(17), SOCKHASH(18), CGROUP_STORAGE(19),
    REUSEPORT_SOCKARRAY(20), PERCPU_CGROUP_STORAGE(21), QUEUE(22), STACK(23), SK_STORAGE(24),
    DEVMAP_HASH(25), STRUCT_OPS(26), RINGBUF(27), INODE_STORAGE(28), TASK_STORAGE(29), BLOOM_FILTER(30),
    USER_RINGBUF(31), CGRP_STORAGE(32), UNKNOWN(-1);

    private final int id;

    MapType(int id) {
        this.id = id;
    }

    /** The kernel's numeric value. */
    public int id() {
        return id;
    }

    /** Whether each entry holds one value per possible CPU. */
    public boolean perCpu() {
        return this == PERCPU_HASH || this == PERCPU_ARRAY || this == LRU_PERCPU_HASH
                || this == PERCPU_CGROUP_STORAGE;
    }

    /** Whether entries can be enumerated with {@code get_next_key}. */
    public boolean iterable() {
        return switch (this) {
            case PERF_EVENT_ARRAY, RINGBUF, USER_RINGBUF, QUEUE, STACK, BLOOM_FILTER, STRUCT_OPS -> false;
            default -> true;
        };
    }

    /** The type with that kernel value, or {@link #UNKNOWN}. */
    public static MapType of(int id) {
        for (MapType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
