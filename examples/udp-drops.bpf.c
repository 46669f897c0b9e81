// UDP datagrams dropped because they could not be queued to the receiving
// socket, by local port and error.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "maps.h"

struct drop_key {
	u32 port;  // local port, host byte order
	u32 error; // -rc: ENOMEM when the receive buffer is full, ENOBUFS under memory pressure
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, struct drop_key);
	__type(value, u64);
} udp_receive_drops_total SEC(".maps");

// Fires for IPv4 and IPv6 sockets alike.
SEC("tp_btf/udp_fail_queue_rcv_skb")
int BPF_PROG(udp_fail_queue_rcv_skb, int rc, struct sock *sk)
{
	struct drop_key key = {};

	key.port = BPF_CORE_READ(sk, __sk_common.skc_num);
	key.error = rc < 0 ? -rc : rc;
	counter_inc(&udp_receive_drops_total, &key);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
