// Counts getppid and getpgrp calls, by syscall number, made by the exporter's own process in
// threads named "ebpfx-e2e" only, so that exact counts hold on a busy machine.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

#define NR_GETPPID 110
#define NR_GETPGRP 111

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, u64);
	__type(value, u64);
} e2e_syscalls_total SEC(".maps");

/* Set by the exporter to its own process id. */
const volatile u32 ebpf_exporter_pid = 0;

SEC("raw_tp/sys_enter")
int count_sys_enter(u64 *ctx)
{
	static const char name[10] = "ebpfx-e2e";
	char comm[16] = {};
	u64 id = ctx[1];

	if (id != NR_GETPPID && id != NR_GETPGRP)
		return 0;
	if (bpf_get_current_pid_tgid() >> 32 != ebpf_exporter_pid)
		return 0;
	bpf_get_current_comm(comm, sizeof(comm));
	/* 10 bytes: the name and its NUL, so longer names do not match. */
	if (__builtin_memcmp(comm, name, sizeof(name)) != 0)
		return 0;
	counter_inc(&e2e_syscalls_total, &id);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
