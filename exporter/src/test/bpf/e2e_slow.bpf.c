// Programs whose verification takes the kernel seconds: each has a bounded loop the verifier
// follows iteration by iteration. Start-up tests send signals while the exporter loads them.
// They never loop when run: slow_enabled (in .bss, unknown to the verifier) stays 0.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>

u64 slow_enabled = 0;

#define SLOW_PROGRAM(n)                                         \
	SEC("raw_tp/sys_enter")                                     \
	int slow_##n(void *ctx)                                     \
	{                                                           \
		u64 value = slow_enabled;                               \
		if (!value)                                             \
			return 0;                                           \
		for (int i = 0; i < 120000; i++) {                      \
			value = value * 31 + i;                             \
			asm volatile("" : "+r"(value));                     \
		}                                                       \
		return value == n;                                      \
	}

SLOW_PROGRAM(0)
SLOW_PROGRAM(1)
SLOW_PROGRAM(2)
SLOW_PROGRAM(3)
SLOW_PROGRAM(4)
SLOW_PROGRAM(5)
SLOW_PROGRAM(6)
SLOW_PROGRAM(7)

char LICENSE[] SEC("license") = "GPL";
