/* The verifier must refuse this program: it uses a map value without checking it for NULL. */
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, u32);
	__type(value, u64);
} values SEC(".maps");

SEC("raw_tp/sys_enter")
int unchecked_lookup(void *ctx)
{
	u32 key = 0;
	u64 *value = bpf_map_lookup_elem(&values, &key);

	*value += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
