/* A kprobe: it loads everywhere, and attaches only on kernels with CONFIG_KPROBE_EVENTS. */
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_nanosleep")
int BPF_KPROBE(probe_nanosleep)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
