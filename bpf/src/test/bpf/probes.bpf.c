/* One program per attach type that works on the test kernel, each counting its own events. */
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/usdt.bpf.h>
#include "filter.h"

#define NR_GETPPID 110
#define NR_GETPGRP 111

COUNTER(tracepoint_hits);
COUNTER(raw_tp_hits);
COUNTER(tp_btf_hits);
COUNTER(uprobe_hits);
COUNTER(usdt_hits);
COUNTER(perf_event_hits);

SEC("tracepoint/syscalls/sys_enter_getppid")
int count_tracepoint(void *ctx)
{
	if (from_target())
		count(&tracepoint_hits);
	return 0;
}

SEC("raw_tp/sys_enter")
int count_raw_tp(u64 *ctx)
{
	if (ctx[1] == NR_GETPPID && from_target())
		count(&raw_tp_hits);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(count_tp_btf, struct pt_regs *regs, long id)
{
	if (id == NR_GETPGRP && from_target())
		count(&tp_btf_hits);
	return 0;
}

SEC("uprobe")
int count_uprobe(struct pt_regs *ctx)
{
	if (from_target())
		count(&uprobe_hits);
	return 0;
}

/* hotspot:thread__start(name, name_length, java_tid, native_tid, is_daemon): count our threads. */
SEC("usdt")
int BPF_USDT(count_thread_start, char *name, u64 length)
{
	char prefix[11] = {};

	if (!from_target() || length < sizeof(prefix) - 1)
		return 0;
	bpf_probe_read_user(prefix, sizeof(prefix) - 1, name);
	if (__builtin_memcmp(prefix, "ebpfx-usdt", sizeof(prefix) - 1) == 0)
		count(&usdt_hits);
	return 0;
}

/* PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS, a sample for every fault. */
SEC("perf_event/type=1,config=2,period=1")
int count_page_faults(void *ctx)
{
	if (from_target())
		count(&perf_event_hits);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
