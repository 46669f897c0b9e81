// Context switches into tasks, by the task's cgroup (v2 hierarchy): how
// often each cgroup gets a CPU.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "maps.h"

// Cgroups are created and removed all the time: LRU forgets the old ones.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, u64);
	__type(value, u64);
} cgroup_sched_switches_total SEC(".maps");

SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	u64 cgroup_id;

	if (BPF_CORE_READ(next, pid) == 0)
		return 0; // the CPU goes idle
	// The id of a cgroup v2 directory is the inode number of its kernfs node.
	cgroup_id = BPF_CORE_READ(next, cgroups, dfl_cgrp, kn, id);
	counter_inc(&cgroup_sched_switches_total, &cgroup_id);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
