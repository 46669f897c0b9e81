// A program that loads everywhere but attaches nowhere: a kprobe on a function no kernel has.
#include <vmlinux.h>
#include <bpf/bpf_helpers.h>

SEC("kprobe/ebpf_exporter_test_no_such_function")
int no_such_function(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
