// Bytes returned by successful read(2) calls, in a histogram with fixed
// buckets chosen around common buffer sizes.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include "maps.h"

// The bucket keys of read-sizes.yaml, in increasing order. The last one is
// INT_MAX: one read never returns more (the kernel caps it at MAX_RW_COUNT),
// so the last bucket holds exactly what the bucket below leaves out. The sum
// of all bytes read is kept under the last key + 1.
static const u64 bucket_keys[] = {0, 64, 512, 4096, 16384, 65536, 262144, 1048576, 2147483647};
#define BUCKETS (sizeof(bucket_keys) / sizeof(bucket_keys[0]))
#define LAST_KEY 2147483647ULL

struct size_key {
	u64 bucket;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, BUCKETS + 1);
	__type(key, struct size_key);
	__type(value, u64);
} read_size_bytes SEC(".maps");

// Layout of the syscalls:sys_exit_* tracepoints
// (/sys/kernel/tracing/events/syscalls/sys_exit_read/format).
struct sys_exit_args {
	u64 common;
	s32 syscall_nr;
	s64 ret;
};

SEC("tracepoint/syscalls/sys_exit_read")
int read_exit(struct sys_exit_args *ctx)
{
	struct size_key key = {};
	s64 ret = ctx->ret;
	u64 size, bucket = LAST_KEY;
	u32 i;

	if (ret < 0)
		return 0; // failed read
	size = ret;

#pragma clang loop unroll(full)
	for (i = 0; i < BUCKETS; i++) {
		if (size <= bucket_keys[i]) {
			bucket = bucket_keys[i];
			break;
		}
	}
	histogram_observe(&read_size_bytes, &key, bucket, size, LAST_KEY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
