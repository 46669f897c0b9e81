/* The C declarations the bpf module binds: libbpf's API (Debian 12's libbpf-dev) and the kernel
 * UAPI structs it passes. Input of scripts/generate-binding. */
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <linux/perf_event.h>
