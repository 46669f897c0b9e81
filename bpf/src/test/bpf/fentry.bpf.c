/* An fentry program: it loads only on kernels that allow BPF trampolines. */
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fentry/do_nanosleep")
int BPF_PROG(enter_nanosleep)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
