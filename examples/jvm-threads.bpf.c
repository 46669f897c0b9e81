// Java threads started and stopped in HotSpot JVMs, by process, from the
// hotspot provider's thread__start and thread__stop USDT probes.
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

struct thread_key {
	u32 pid;
	u32 daemon; // the probes' last argument: 1 for a daemon thread
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct thread_key);
	__type(value, u64);
} jvm_threads_started_total SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct thread_key);
	__type(value, u64);
} jvm_threads_stopped_total SEC(".maps");

// Both probes: thread name, name length, Java thread id, native thread id, daemon.
SEC("usdt")
int BPF_USDT(thread__start, void *name, int name_len, long java_tid, long native_tid, int daemon)
{
	struct thread_key key = {
		.pid = bpf_get_current_pid_tgid() >> 32,
		.daemon = daemon ? 1 : 0,
	};

	if (outside_host_process())
		return 0;
	counter_inc(&jvm_threads_started_total, &key);
	return 0;
}

SEC("usdt")
int BPF_USDT(thread__stop, void *name, int name_len, long java_tid, long native_tid, int daemon)
{
	struct thread_key key = {
		.pid = bpf_get_current_pid_tgid() >> 32,
		.daemon = daemon ? 1 : 0,
	};

	if (outside_host_process())
		return 0;
	counter_inc(&jvm_threads_stopped_total, &key);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
