// Counts kernel timers started, keyed by the address of the timer callback.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "maps.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u64);
	__type(value, u64);
} timer_starts_total SEC(".maps");

SEC("tp_btf/timer_start")
int BPF_PROG(timer_start, struct timer_list *timer, unsigned long expires)
{
	u64 function = (u64)BPF_CORE_READ(timer, function);

	counter_inc(&timer_starts_total, &function);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
