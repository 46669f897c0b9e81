// JIT compilations of HotSpot JVMs and their duration, by process and
// compiler, from the hotspot provider's method__compile__begin and
// method__compile__end USDT probes.
//
// The programs are in plain "usdt" sections: the exporter attaches each one
// to the probe of the same name (provider "hotspot") in the libjvm.so of the
// JVMs it watches.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/usdt.bpf.h>
#include "maps.h"

// Buckets: 2^0 .. 2^24 microseconds (about 17 s); the sum is kept in bucket 25.
#define MAX_BUCKET 24
// Compiler names are short ("C1", "C2", "JVMCI"); longer ones are cut.
#define COMPILER_LEN 8

struct compile_key {
	u32 pid;
	u32 success; // method__compile__end's last argument
	char compiler[COMPILER_LEN];
};

struct duration_key {
	u32 pid;
	u32 pad; // always zero
	char compiler[COMPILER_LEN];
	u64 bucket;
};

// Start of the compilation in progress, by compiler thread id.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, u64);
} compile_starts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct compile_key);
	__type(value, u64);
} jvm_compilations_total SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct duration_key);
	__type(value, u64);
} jvm_compilation_seconds SEC(".maps");

// HotSpot passes strings as pointer and length, not NUL-terminated.
static __always_inline void read_compiler(char *dst, const void *src, long len)
{
	if (len <= 0)
		return;
	if (len > COMPILER_LEN - 1)
		len = COMPILER_LEN - 1;
	bpf_probe_read_user(dst, len, src);
}

// Probe arguments: compiler name and length, class name and length, method
// name and length, signature and length.
SEC("usdt")
int BPF_USDT(method__compile__begin, void *compiler, long compiler_len)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	u64 now = bpf_ktime_get_ns();

	bpf_map_update_elem(&compile_starts, &tid, &now, BPF_ANY);
	return 0;
}

// The same arguments as method__compile__begin, then whether it succeeded.
SEC("usdt")
int BPF_USDT(method__compile__end, void *compiler, long compiler_len, void *class_name, long class_len,
	     void *method, long method_len, void *signature, long signature_len, int success)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct compile_key count_key = {};
	struct duration_key key = {};
	u64 *start, now, duration_us;

	count_key.pid = id >> 32;
	count_key.success = success ? 1 : 0;
	read_compiler(count_key.compiler, compiler, compiler_len);
	counter_inc(&jvm_compilations_total, &count_key);

	start = bpf_map_lookup_elem(&compile_starts, &tid);
	if (!start)
		return 0;
	now = bpf_ktime_get_ns();
	duration_us = now > *start ? (now - *start) / 1000 : 0;
	bpf_map_delete_elem(&compile_starts, &tid);

	key.pid = count_key.pid;
	__builtin_memcpy(key.compiler, count_key.compiler, COMPILER_LEN);
	histogram_observe_exp2(&jvm_compilation_seconds, &key, duration_us, MAX_BUCKET);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
