// Run-queue latency: how long runnable tasks wait for a CPU, from wakeup (or
// preemption) until they are switched in.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "maps.h"

// Buckets: 2^0 .. 2^26 microseconds (about 67 s); the sum is kept in bucket 27.
#define MAX_BUCKET 26

#define TASK_RUNNING 0

// The histogram is an array indexed by bucket: its key is the bucket alone.
struct latency_key {
	u32 bucket;
};

// Time each runnable task was queued, by thread id. LRU: threads that exit
// while queued are forgotten.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, u32);
	__type(value, u64);
} enqueued_at SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_BUCKET + 2);
	__type(key, u32);
	__type(value, u64);
} run_queue_latency_seconds SEC(".maps");

// Kernels before 5.14 call the field "state".
struct task_struct___pre_5_14 {
	long state;
} __attribute__((preserve_access_index));

static __always_inline long task_state(struct task_struct *task)
{
	if (bpf_core_field_exists(task->__state))
		return BPF_CORE_READ(task, __state);
	return BPF_CORE_READ((struct task_struct___pre_5_14 *)task, state);
}

static __always_inline void enqueue(struct task_struct *task)
{
	u32 pid = BPF_CORE_READ(task, pid);
	u64 now;

	if (pid == 0)
		return; // the idle task is never queued
	now = bpf_ktime_get_ns();
	bpf_map_update_elem(&enqueued_at, &pid, &now, BPF_ANY);
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(sched_wakeup, struct task_struct *task)
{
	enqueue(task);
	return 0;
}

SEC("tp_btf/sched_wakeup_new")
int BPF_PROG(sched_wakeup_new, struct task_struct *task)
{
	enqueue(task);
	return 0;
}

SEC("tp_btf/sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	u32 pid;
	u64 *queued, now, latency_us;
	struct latency_key key = {};

	// A task preempted while still runnable goes straight back to the queue.
	if (task_state(prev) == TASK_RUNNING)
		enqueue(prev);

	pid = BPF_CORE_READ(next, pid);
	queued = bpf_map_lookup_elem(&enqueued_at, &pid);
	if (!queued)
		return 0;
	now = bpf_ktime_get_ns();
	latency_us = now > *queued ? (now - *queued) / 1000 : 0;
	bpf_map_delete_elem(&enqueued_at, &pid);

	histogram_observe_exp2(&run_queue_latency_seconds, &key, latency_us, MAX_BUCKET);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
