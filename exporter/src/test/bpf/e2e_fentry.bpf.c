// An fentry program: it loads only where the kernel allows BPF trampolines. Kernels without them
// refuse it with EPERM even for root, which the exporter must not blame on missing privileges.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fentry/do_nanosleep")
int BPF_PROG(enter_nanosleep)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
