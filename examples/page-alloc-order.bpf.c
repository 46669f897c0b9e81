// Page allocations by order (an allocation of order n takes 2^n contiguous
// pages): a linear histogram whose bucket index is the order itself.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

// The buddy allocator's largest order on most configurations
// (MAX_PAGE_ORDER, 10); anything larger is counted in the last bucket.
#define MAX_BUCKET 10

struct order_key {
	u32 bucket;
};

// An array indexed by bucket: cheaper than a hash on this hot path.
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_BUCKET + 2);
	__type(key, u32);
	__type(value, u64);
} page_alloc_order SEC(".maps");

SEC("tp_btf/mm_page_alloc")
int BPF_PROG(mm_page_alloc, struct page *page, unsigned int order)
{
	struct order_key key = {};

	if (!page)
		return 0; // the allocation failed
	histogram_observe(&page_alloc_order, &key, linear_bucket(order, 1), order, MAX_BUCKET);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
