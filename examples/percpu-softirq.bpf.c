// Softirqs run, by CPU and vector, counted in a per-CPU array: no atomic
// operations and no sharing of cache lines between CPUs.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

// NR_SOFTIRQS: HI, TIMER, NET_TX, NET_RX, BLOCK, IRQ_POLL, TASKLET, SCHED, HRTIMER, RCU.
#define SOFTIRQ_VECTORS 10

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SOFTIRQ_VECTORS);
	__type(key, u32);
	__type(value, u64);
} softirqs_total SEC(".maps");

SEC("tp_btf/softirq_entry")
int BPF_PROG(softirq_entry, unsigned int vec)
{
	u32 key = vec;
	u64 *count = bpf_map_lookup_elem(&softirqs_total, &key);

	// Softirqs do not nest on one CPU: this CPU's slot needs no atomic add.
	if (count)
		*count += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
