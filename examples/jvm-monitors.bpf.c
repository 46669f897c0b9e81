// Contended Java monitor (synchronized) enters of HotSpot JVMs, by process
// and class of the locked object, and the time threads waited for them, from
// the hotspot provider's monitor__contended__enter and
// monitor__contended__entered USDT probes. HotSpot fires these probes only
// when the JVM runs with -XX:+DTraceMonitorProbes.
//
// The programs are in plain "usdt" sections: the exporter attaches each one
// to the probe of the same name (provider "hotspot") in the libjvm.so of the
// JVMs it watches.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/usdt.bpf.h>
#include "maps.h"

// Buckets: 2^0 .. 2^24 microseconds (about 17 s); the sum is kept in bucket 25.
#define MAX_BUCKET 24
// Class names in JVM form (java/util/HashMap); longer ones are cut.
#define CLASS_LEN 64

struct contention_key {
	u32 pid;
	char class_name[CLASS_LEN];
};

struct wait_key {
	u32 pid;
	u32 pad; // always zero
	u64 bucket;
};

// When the thread started waiting, by thread id.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, u32);
	__type(value, u64);
} wait_starts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct contention_key);
	__type(value, u64);
} jvm_monitor_contended_enters_total SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct wait_key);
	__type(value, u64);
} jvm_monitor_wait_seconds SEC(".maps");

// Probe arguments: Java thread id, monitor address, class name of the locked
// object and its length (not NUL-terminated).
SEC("usdt")
int BPF_USDT(monitor__contended__enter, long java_tid, void *monitor, void *class_name, long class_len)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	u64 now = bpf_ktime_get_ns();
	struct contention_key key = {};

	bpf_map_update_elem(&wait_starts, &tid, &now, BPF_ANY);

	key.pid = id >> 32;
	if (class_len > 0) {
		if (class_len > CLASS_LEN - 1)
			class_len = CLASS_LEN - 1;
		bpf_probe_read_user(key.class_name, class_len, class_name);
	}
	counter_inc(&jvm_monitor_contended_enters_total, &key);
	return 0;
}

SEC("usdt")
int BPF_USDT(monitor__contended__entered)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	u64 *start = bpf_map_lookup_elem(&wait_starts, &tid);
	struct wait_key key = {};
	u64 now, wait_us;

	if (!start)
		return 0;
	now = bpf_ktime_get_ns();
	wait_us = now > *start ? (now - *start) / 1000 : 0;
	bpf_map_delete_elem(&wait_starts, &tid);

	key.pid = id >> 32;
	histogram_observe_exp2(&jvm_monitor_wait_seconds, &key, wait_us, MAX_BUCKET);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
