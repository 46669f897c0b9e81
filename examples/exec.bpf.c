// Programs executed (successful execve/execveat), by command name.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

#define COMM_LEN 16

struct comm_key {
	char comm[COMM_LEN];
};

// Every command ever run would otherwise stay: LRU keeps the recent ones.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct comm_key);
	__type(value, u64);
} execs_total SEC(".maps");

// The same counts again, for a config that keeps only a few commands.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct comm_key);
	__type(value, u64);
} interpreter_execs_total SEC(".maps");

// Fires after the new program has replaced the old one: comm is already the
// new program's name (the file name it was run by, at most 15 bytes).
SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_process_exec, struct task_struct *task)
{
	struct comm_key key = {};

	bpf_get_current_comm(&key.comm, sizeof(key.comm));
	counter_inc(&execs_total, &key);
	counter_inc(&interpreter_execs_total, &key);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
