// TCP segments retransmitted, by remote address and connection state.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "maps.h"

#define AF_INET 2
#define AF_INET6 10

struct retransmit_key {
	u8 daddr[16]; // IPv6 address, or IPv4-mapped IPv6 address (::ffff:a.b.c.d)
	u32 state;    // TCP_* state of the socket
};

// LRU: the set of remote addresses is unbounded; the least recently seen go first.
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct retransmit_key);
	__type(value, u64);
} tcp_retransmits_total SEC(".maps");

SEC("tp_btf/tcp_retransmit_skb")
int BPF_PROG(tcp_retransmit_skb, const struct sock *sk, const struct sk_buff *skb)
{
	struct retransmit_key key = {};
	u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);

	if (family == AF_INET) {
		__be32 daddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);

		key.daddr[10] = 0xff;
		key.daddr[11] = 0xff;
		__builtin_memcpy(&key.daddr[12], &daddr, sizeof(daddr));
	} else if (family == AF_INET6) {
		BPF_CORE_READ_INTO(&key.daddr, sk, __sk_common.skc_v6_daddr.in6_u.u6_addr8);
	} else {
		return 0;
	}
	key.state = BPF_CORE_READ(sk, __sk_common.skc_state);
	counter_inc(&tcp_retransmits_total, &key);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
