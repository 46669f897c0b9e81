/* Maps of every readable kind, small and large, for comparing batch and key-by-key reads. */
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include "filter.h"

#define MAP(name, kind, size)                                                                      \
	struct {                                                                                   \
		__uint(type, kind);                                                                \
		__uint(max_entries, size);                                                         \
		__type(key, u32);                                                                  \
		__type(value, u64);                                                                \
	} name SEC(".maps")

MAP(hash_1, BPF_MAP_TYPE_HASH, 1);
MAP(hash_100k, BPF_MAP_TYPE_HASH, 100000);
MAP(lru_hash_1, BPF_MAP_TYPE_LRU_HASH, 1);
/* LRU maps evict before they are full: room to spare keeps 100,000 entries. */
MAP(lru_hash_100k, BPF_MAP_TYPE_LRU_HASH, 131072);
MAP(array_1, BPF_MAP_TYPE_ARRAY, 1);
MAP(array_100k, BPF_MAP_TYPE_ARRAY, 100000);
MAP(percpu_hash_1, BPF_MAP_TYPE_PERCPU_HASH, 1);
MAP(percpu_hash_100k, BPF_MAP_TYPE_PERCPU_HASH, 100000);
MAP(percpu_array_1, BPF_MAP_TYPE_PERCPU_ARRAY, 1);
MAP(percpu_array_100k, BPF_MAP_TYPE_PERCPU_ARRAY, 100000);

/* The kernel cannot batch-read stack trace maps: reads fall back to key-by-key iteration. */
struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 64);
	__uint(key_size, sizeof(u32));
	__uint(value_size, 127 * sizeof(u64));
} stacks SEC(".maps");

SEC("raw_tp/sys_enter")
int record_stack(u64 *ctx)
{
	if (ctx[1] == 110 /* getppid */ && from_target())
		bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(u32));
	__uint(value_size, sizeof(u32));
} events SEC(".maps");

char LICENSE[] SEC("license") = "GPL";
