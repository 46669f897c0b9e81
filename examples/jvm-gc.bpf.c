// Garbage collection pauses of HotSpot JVMs, by process, from the hotspot
// provider's gc__begin and gc__end USDT probes in libjvm.so.
//
// The programs are in plain "usdt" sections: the exporter attaches each one
// to the probe of the same name (provider "hotspot") in the libjvm.so of the
// JVM it watches (its host JVM as a Java agent, --jvm.pid as a daemon); with
// ebpf_exporter_pid set, only that process is counted.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/usdt.bpf.h>
#include "maps.h"
#include "host_process.h"

// Buckets: 2^0 .. 2^24 microseconds (about 17 s); the sum is kept in bucket 25.
#define MAX_BUCKET 24

struct gc_start {
	u64 ns;
	u64 full;
};

struct gc_key {
	u32 pid;
	u32 full; // gc__begin's argument: 1 for a full collection
	u64 bucket;
};

// Start of the collection in progress, by the id of the thread running it.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, struct gc_start);
} gc_starts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct gc_key);
	__type(value, u64);
} jvm_gc_pause_seconds SEC(".maps");

SEC("usdt")
int BPF_USDT(gc__begin, int full)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct gc_start start = {
		.ns = bpf_ktime_get_ns(),
		.full = full ? 1 : 0,
	};

	if (outside_host_process())
		return 0;
	bpf_map_update_elem(&gc_starts, &tid, &start, BPF_ANY);
	return 0;
}

SEC("usdt")
int BPF_USDT(gc__end)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct gc_start *start = bpf_map_lookup_elem(&gc_starts, &tid);
	struct gc_key key = {};
	u64 now, pause_us;

	if (!start)
		return 0;
	now = bpf_ktime_get_ns();
	pause_us = now > start->ns ? (now - start->ns) / 1000 : 0;
	key.pid = id >> 32;
	key.full = start->full;
	bpf_map_delete_elem(&gc_starts, &tid);

	histogram_observe_exp2(&jvm_gc_pause_seconds, &key, pause_us, MAX_BUCKET);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
