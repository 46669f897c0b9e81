// Calls to the C library's malloc, by command.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

#define COMM_LEN 16

struct comm_key {
	char comm[COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct comm_key);
	__type(value, u64);
} malloc_calls_total SEC(".maps");

// libbpf attaches "uprobe/<binary>:<function>" to every process that maps the
// binary. The path is Debian's and Ubuntu's on x86-64; adjust it elsewhere.
// (BPF_KPROBE gives the same pt_regs context a uprobe has.)
SEC("uprobe//usr/lib/x86_64-linux-gnu/libc.so.6:malloc")
int BPF_KPROBE(malloc_entry)
{
	struct comm_key key = {};

	bpf_get_current_comm(&key.comm, sizeof(key.comm));
	counter_inc(&malloc_calls_total, &key);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
