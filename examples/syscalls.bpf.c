// Counts system calls entered, keyed by syscall number.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u64);
	__type(value, u64);
} syscalls_total SEC(".maps");

// raw_tp/sys_enter arguments: ctx[0] is struct pt_regs *, ctx[1] the syscall number.
SEC("raw_tp/sys_enter")
int sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
	u64 id = ctx->args[1];

	counter_inc(&syscalls_total, &id);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
