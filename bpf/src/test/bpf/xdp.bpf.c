/* Counts UDP packets to one port seen by XDP on the loopback interface. */
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "filter.h"

#define ETH_P_IP 0x0800
#define IPPROTO_UDP 17

const volatile u16 target_port = 0;

COUNTER(xdp_hits);

SEC("xdp/lo")
int count_udp(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);
	struct udphdr *udp = data + sizeof(*eth) + sizeof(*ip);

	if ((void *)(udp + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (ip->ihl == 5 && ip->protocol == IPPROTO_UDP && udp->dest == bpf_htons(target_port))
		count(&xdp_hits);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
