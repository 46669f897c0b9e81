// Packets received on the loopback interface, by IP protocol. Every packet
// is passed on unchanged.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "maps.h"

#define ETH_P_IP 0x0800
#define ETH_P_IPV6 0x86DD

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, u32);
	__type(value, u64);
} xdp_packets_total SEC(".maps");

// The part of the section name after "xdp/" names the interface to attach to.
SEC("xdp/lo")
int xdp_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	u32 protocol;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;

	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);

		if ((void *)(ip + 1) > data_end)
			return XDP_PASS;
		protocol = ip->protocol;
	} else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);

		if ((void *)(ip6 + 1) > data_end)
			return XDP_PASS;
		// The first next header; extension headers are not followed.
		protocol = ip6->nexthdr;
	} else {
		return XDP_PASS;
	}

	counter_inc(&xdp_packets_total, &protocol);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
