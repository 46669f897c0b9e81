// Time spent running softirq handlers, by vector.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

// Buckets: 2^0 .. 2^20 microseconds (about 1 s); the sum is kept in bucket 21.
#define MAX_BUCKET 20
#define SOFTIRQ_VECTORS 10

struct softirq_key {
	u32 vec;
	u32 pad; // always zero: keeps the key free of compiler padding
	u64 bucket;
};

// Entry time of the softirq running on each CPU, by vector.
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SOFTIRQ_VECTORS);
	__type(key, u32);
	__type(value, u64);
} entered_at SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, SOFTIRQ_VECTORS * (MAX_BUCKET + 2));
	__type(key, struct softirq_key);
	__type(value, u64);
} softirq_duration_seconds SEC(".maps");

SEC("tp_btf/softirq_entry")
int BPF_PROG(softirq_entry, unsigned int vec)
{
	u32 index = vec;
	u64 *start = bpf_map_lookup_elem(&entered_at, &index);

	if (start)
		*start = bpf_ktime_get_ns();
	return 0;
}

SEC("tp_btf/softirq_exit")
int BPF_PROG(softirq_exit, unsigned int vec)
{
	u32 index = vec;
	u64 *start = bpf_map_lookup_elem(&entered_at, &index);
	struct softirq_key key = {};
	u64 now, duration_us;

	if (!start || *start == 0)
		return 0; // entered before the program was attached
	now = bpf_ktime_get_ns();
	duration_us = now > *start ? (now - *start) / 1000 : 0;
	*start = 0;

	key.vec = vec;
	histogram_observe_exp2(&softirq_duration_seconds, &key, duration_us, MAX_BUCKET);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
