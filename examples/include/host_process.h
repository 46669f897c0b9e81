/* Scoping to the exporter's host process (the application, when the exporter runs as its Java agent). */
#ifndef EBPF_EXPORTER_EXAMPLES_HOST_PROCESS_H
#define EBPF_EXPORTER_EXAMPLES_HOST_PROCESS_H

#include <bpf/bpf_helpers.h>

/*
 * Set by the exporter before load: the process to watch, as its own pid namespace numbers it, and
 * that namespace (device and inode of /proc/PID/ns/pid). Left at 0, nothing is filtered.
 */
const volatile __u32 ebpf_exporter_pid = 0;
const volatile __u64 ebpf_exporter_pidns_dev = 0;
const volatile __u64 ebpf_exporter_pidns_ino = 0;

/* Whether the current task belongs to another process than the one set by the exporter. */
static __always_inline bool outside_host_process(void)
{
	struct bpf_pidns_info ns = {};

	if (!ebpf_exporter_pid)
		return false;
	if (!ebpf_exporter_pidns_ino)
		return (__u32)(bpf_get_current_pid_tgid() >> 32) != ebpf_exporter_pid;
	/* Fails when the task is not in that namespace: then it is not the host process either. */
	if (bpf_get_ns_current_pid_tgid(ebpf_exporter_pidns_dev, ebpf_exporter_pidns_ino, &ns, sizeof(ns)))
		return true;
	return ns.tgid != ebpf_exporter_pid;
}

#endif
