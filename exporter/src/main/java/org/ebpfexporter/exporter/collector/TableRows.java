package org.ebpfexporter.exporter.collector;

import org.ebpfexporter.bpf.MapEntries;

/** The entries of one map read: raw keys and u64 values, one value slot per CPU for per-CPU maps. */
interface TableRows {
    /** How many entries were read. */
    int count();

    /** Value slots per entry: the possible CPUs of a per-CPU map, else 1. */
    int cpus();

    /** Copies the i-th key into {@code target}, which is exactly one key long. */
    void copyKey(int i, byte[] target);

    /** The i-th value of CPU slot {@code cpu}. */
    long u64(int i, int cpu);

    /** The rows of a map read into {@code entries}. */
    static TableRows of(MapEntries entries) {
        return new TableRows() {
            @Override
            public int count() {
                return entries.count();
            }

            @Override
            public int cpus() {
                return entries.cpus();
            }

            @Override
            public void copyKey(int i, byte[] target) {
                entries.copyKey(i, target, 0);
            }

            @Override
            public long u64(int i, int cpu) {
                return entries.u64(i, cpu);
            }
        };
    }
}
