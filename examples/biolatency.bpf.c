// Block I/O latency (issue to completion) and request sizes, by disk and operation.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "maps.h"

// Latency buckets: 2^0 .. 2^26 microseconds (about 67 s); the sum is kept in bucket 27.
#define LATENCY_MAX_BUCKET 26
// Size buckets: 2^0 .. 2^26 bytes (64 MiB); the sum is kept in bucket 27.
#define SIZE_MAX_BUCKET 26

// The low 8 bits of cmd_flags hold the operation (REQ_OP_MASK in the kernel).
#define OP_MASK 0xff

struct disk_key {
	u32 dev; // userspace encoding of the disk's dev_t, as the majorminor decoder expects
	u32 op;  // REQ_OP_* value
	u64 bucket;
};

// Issue time of requests in flight. An LRU hash, so that requests whose
// completion is never seen (for example issued before a driver reset)
// cannot fill the map up.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, u64);
	__type(value, u64);
} issue_times SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct disk_key);
	__type(value, u64);
} bio_latency_seconds SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct disk_key);
	__type(value, u64);
} bio_size_bytes SEC(".maps");

// new_encode_dev() of the kernel: the 32-bit device number userspace sees in stat(2).
static __always_inline u32 encode_dev(u32 major, u32 minor)
{
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static __always_inline void fill_key(struct disk_key *key, struct request *rq)
{
	struct gendisk *disk = BPF_CORE_READ(rq, q, disk);

	if (disk)
		key->dev = encode_dev(BPF_CORE_READ(disk, major), BPF_CORE_READ(disk, first_minor));
	key->op = BPF_CORE_READ(rq, cmd_flags) & OP_MASK;
}

SEC("tp_btf/block_rq_issue")
int BPF_PROG(block_rq_issue, struct request *rq)
{
	u64 id = (u64)rq;
	u64 now = bpf_ktime_get_ns();
	struct disk_key key = {};

	bpf_map_update_elem(&issue_times, &id, &now, BPF_ANY);

	fill_key(&key, rq);
	histogram_observe_exp2(&bio_size_bytes, &key, BPF_CORE_READ(rq, __data_len), SIZE_MAX_BUCKET);
	return 0;
}

SEC("tp_btf/block_rq_complete")
int BPF_PROG(block_rq_complete, struct request *rq, blk_status_t error, unsigned int nr_bytes)
{
	u64 id = (u64)rq;
	u64 *issued = bpf_map_lookup_elem(&issue_times, &id);
	struct disk_key key = {};
	u64 now, latency_us;

	if (!issued)
		return 0; // issued before the program was attached
	now = bpf_ktime_get_ns();
	latency_us = now > *issued ? (now - *issued) / 1000 : 0;
	bpf_map_delete_elem(&issue_times, &id);

	fill_key(&key, rq);
	histogram_observe_exp2(&bio_latency_seconds, &key, latency_us, LATENCY_MAX_BUCKET);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
