// Classes loaded and unloaded by HotSpot JVMs, by process, from the hotspot
// provider's class__loaded and class__unloaded USDT probes.
//
// The programs are in plain "usdt" sections: the exporter attaches each one
// to the probe of the same name (provider "hotspot") in the libjvm.so of the
// JVMs it watches.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/usdt.bpf.h>
#include "maps.h"

struct class_key {
	u32 pid;
	u32 shared; // 1 when the class came from the CDS archive
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct class_key);
	__type(value, u64);
} jvm_classes_loaded_total SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, u32);
	__type(value, u64);
} jvm_classes_unloaded_total SEC(".maps");

// Both probes: class name, name length, class loader id, shared.
SEC("usdt")
int BPF_USDT(class__loaded, void *name, int name_len, void *loader, int shared)
{
	struct class_key key = {
		.pid = bpf_get_current_pid_tgid() >> 32,
		.shared = shared ? 1 : 0,
	};

	counter_inc(&jvm_classes_loaded_total, &key);
	return 0;
}

SEC("usdt")
int BPF_USDT(class__unloaded)
{
	u32 pid = bpf_get_current_pid_tgid() >> 32;

	counter_inc(&jvm_classes_unloaded_total, &pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
