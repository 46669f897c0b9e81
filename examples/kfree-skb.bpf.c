// Packets dropped by the kernel, by drop reason.
//
// The numbering of enum skb_drop_reason changes between kernel versions, so
// the program translates the reasons it knows into codes of its own, looking
// the kernel's values up at load time (CO-RE enum relocations). Reasons not
// in the table below are counted as "other" (code 0); add lines to the table
// (and to the YAML) to split them out.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "maps.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, u32);
	__type(value, u64);
} kfree_skb_drops_total SEC(".maps");

// Returns code when reason is the kernel's value of the given enumerator and
// that enumerator exists on the running kernel.
#define REASON(name, code)                                                      \
	if (bpf_core_enum_value_exists(enum skb_drop_reason, name) &&           \
	    reason == bpf_core_enum_value(enum skb_drop_reason, name))          \
		return code;

static __always_inline u32 stable_reason(u32 reason)
{
	REASON(SKB_DROP_REASON_NOT_SPECIFIED, 1)
	REASON(SKB_DROP_REASON_NO_SOCKET, 2)
	REASON(SKB_DROP_REASON_SOCKET_FILTER, 3)
	REASON(SKB_DROP_REASON_SOCKET_RCVBUFF, 4)
	REASON(SKB_DROP_REASON_PKT_TOO_SMALL, 5)
	REASON(SKB_DROP_REASON_TCP_CSUM, 6)
	REASON(SKB_DROP_REASON_NETFILTER_DROP, 7)
	REASON(SKB_DROP_REASON_OTHERHOST, 8)
	REASON(SKB_DROP_REASON_IP_INHDR, 9)
	REASON(SKB_DROP_REASON_IP_RPFILTER, 10)
	REASON(SKB_DROP_REASON_IP_NOPROTO, 11)
	REASON(SKB_DROP_REASON_PROTO_MEM, 12)
	REASON(SKB_DROP_REASON_TCP_OLD_DATA, 13)
	REASON(SKB_DROP_REASON_TCP_INVALID_SEQUENCE, 14)
	REASON(SKB_DROP_REASON_TCP_RESET, 15)
	REASON(SKB_DROP_REASON_TCP_OFO_DROP, 16)
	REASON(SKB_DROP_REASON_NEIGH_FAILED, 17)
	REASON(SKB_DROP_REASON_QDISC_DROP, 18)
	REASON(SKB_DROP_REASON_UNHANDLED_PROTO, 19)
	REASON(SKB_DROP_REASON_FULL_RING, 20)
	REASON(SKB_DROP_REASON_SOCKET_CLOSE, 21)
	return 0;
}

SEC("tp_btf/kfree_skb")
int BPF_PROG(kfree_skb, struct sk_buff *skb, void *location, enum skb_drop_reason reason)
{
	u32 code;

	// A buffer freed after normal use is not a drop.
	if (bpf_core_enum_value_exists(enum skb_drop_reason, SKB_CONSUMED) &&
	    reason == bpf_core_enum_value(enum skb_drop_reason, SKB_CONSUMED))
		return 0;

	code = stable_reason(reason);
	counter_inc(&kfree_skb_drops_total, &code);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
