// Page faults, by command, estimated from samples of the software page
// fault event (PERF_TYPE_SOFTWARE = 1, PERF_COUNT_SW_PAGE_FAULTS = 2).
//
// The exporter opens the event on every CPU with the attributes in the
// section name and runs the program once per sample. In frequency mode the
// kernel adjusts the sampling period to reach about 1000 samples a second per
// CPU; every sample stands for sample_period faults, so adding sample_period
// up gives an estimate of all faults, which is exact for busy processes and
// coarse for processes that fault rarely.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "maps.h"

#define COMM_LEN 16

struct comm_key {
	char comm[COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct comm_key);
	__type(value, u64);
} page_faults_total SEC(".maps");

SEC("perf_event/type=1,config=2,frequency=1000")
int page_fault_sample(struct bpf_perf_event_data *ctx)
{
	struct comm_key key = {};

	bpf_get_current_comm(&key.comm, sizeof(key.comm));
	counter_add(&page_faults_total, &key, ctx->sample_period);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
