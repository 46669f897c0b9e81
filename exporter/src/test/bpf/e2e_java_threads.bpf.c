// Counts getppid calls of the exporter's own process by thread id, for the java_thread decoder.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

#define NR_GETPPID 110

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, u64);
} e2e_getppid_by_thread_total SEC(".maps");

/* Set by the exporter to its own process id. */
const volatile u32 ebpf_exporter_pid = 0;

SEC("raw_tp/sys_enter")
int count_getppid(u64 *ctx)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;

	if (ctx[1] != NR_GETPPID || id >> 32 != ebpf_exporter_pid)
		return 0;
	counter_inc(&e2e_getppid_by_thread_total, &tid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
