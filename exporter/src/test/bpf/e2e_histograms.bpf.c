// For the exporter's histogram, per-CPU and kaddr tests: observes the fd argument of close(2)
// calls above FD_BASE (never open: close fails with EBADF) made by threads named "ebpfx-hist" of
// the exporter's own process, so the test controls every observed value exactly.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

#define NR_CLOSE 3
#define FD_BASE 0x40000000U
#define FD_SPAN 0x100000U
#define MAX_BUCKET 10

struct hist_key {
	u32 parity;
	u32 bucket;
};

/* exp2 histogram by value parity: buckets 0..MAX_BUCKET, the sum under MAX_BUCKET + 1. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct hist_key);
	__type(value, u64);
} e2e_hist_values SEC(".maps");

/* The same histogram without parity, counted per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_BUCKET + 2);
	__type(key, u32);
	__type(value, u64);
} e2e_hist_percpu_values SEC(".maps");

/* Calls by syscall number, counted per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 4);
	__type(key, u64);
	__type(value, u64);
} e2e_hist_percpu_calls_total SEC(".maps");

/* Calls by the address the exporter resolved for do_nanosleep. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, u64);
	__type(value, u64);
} e2e_hist_kaddr_total SEC(".maps");

/* Set by the exporter: its own process id, and the kaddrs of the config. */
const volatile u32 ebpf_exporter_pid = 0;
const volatile u64 kaddr_do_nanosleep = 0;

static __always_inline void percpu_add(u32 key, u64 delta)
{
	u64 *slot = bpf_map_lookup_elem(&e2e_hist_percpu_values, &key);

	/* This CPU's slot: no other CPU writes it. */
	if (slot)
		*slot += delta;
}

SEC("raw_tp/sys_enter")
int observe_close(u64 *ctx)
{
	static const char name[11] = "ebpfx-hist";
	char comm[16] = {};
	struct pt_regs *regs = (struct pt_regs *)ctx[0];
	u64 id = ctx[1];
	u64 di = 0;
	u32 fd;

	if (id != NR_CLOSE)
		return 0;
	if (bpf_get_current_pid_tgid() >> 32 != ebpf_exporter_pid)
		return 0;
	bpf_get_current_comm(comm, sizeof(comm));
	/* 11 bytes: the name and its NUL, so longer names do not match. */
	if (__builtin_memcmp(comm, name, sizeof(name)) != 0)
		return 0;
	bpf_probe_read_kernel(&di, sizeof(di), &regs->di);
	fd = (u32)di;
	if (fd < FD_BASE || fd >= FD_BASE + FD_SPAN)
		return 0;

	u64 value = fd - FD_BASE;
	struct hist_key key = { .parity = value & 1 };
	u64 bucket = exp2_bucket(value);

	histogram_observe_exp2(&e2e_hist_values, &key, value, MAX_BUCKET);
	percpu_add(bucket > MAX_BUCKET ? MAX_BUCKET : bucket, 1);
	percpu_add(MAX_BUCKET + 1, value);
	counter_inc(&e2e_hist_percpu_calls_total, &id);

	u64 address = kaddr_do_nanosleep;
	counter_inc(&e2e_hist_kaddr_total, &address);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
