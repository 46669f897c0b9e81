// The exporter's own object behind the java_thread decoder: the full Java name of every thread of
// the target JVM, by kernel thread id, from HotSpot's thread__start and thread__stop probes.
//
// Both probes fire on the thread that starts or stops, so the key is the current task's thread id
// as the kernel numbers it (what bpf_get_current_pid_tgid() gives the programs whose keys are
// decoded), not the probe's native tid argument, which is numbered in the JVM's pid namespace.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/usdt.bpf.h>
#include "host_process.h"

#define JAVA_THREAD_NAME_SIZE 128

struct java_thread_name {
	char name[JAVA_THREAD_NAME_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, u32);
	__type(value, struct java_thread_name);
} java_thread_names SEC(".maps");

// Both probes: thread name (not NUL-terminated), name length, Java thread id, native thread id, daemon.
SEC("usdt")
int BPF_USDT(thread__start, void *name, int name_len)
{
	struct java_thread_name value = {};
	u32 tid = (u32)bpf_get_current_pid_tgid();
	u32 len = name_len;

	if (outside_host_process())
		return 0;
	if (len > JAVA_THREAD_NAME_SIZE - 1)
		len = JAVA_THREAD_NAME_SIZE - 1;
	if (bpf_probe_read_user(value.name, len & (JAVA_THREAD_NAME_SIZE - 1), name))
		return 0;
	bpf_map_update_elem(&java_thread_names, &tid, &value, BPF_ANY);
	return 0;
}

SEC("usdt")
int BPF_USDT(thread__stop)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();

	if (outside_host_process())
		return 0;
	bpf_map_delete_elem(&java_thread_names, &tid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
