/* Small helpers shared by the example programs. */
#ifndef EBPF_EXPORTER_EXAMPLES_MAPS_H
#define EBPF_EXPORTER_EXAMPLES_MAPS_H

#include <bpf/bpf_helpers.h>

/*
 * Adds delta to the u64 value stored under key in a hash map, creating the
 * entry with value 0 first when it does not exist yet. Safe against
 * concurrent updates from other CPUs.
 */
static __always_inline void counter_add(void *map, const void *key, __u64 delta)
{
	__u64 *value = bpf_map_lookup_elem(map, key);

	if (!value) {
		__u64 zero = 0;

		/* Another CPU may insert the key first: BPF_NOEXIST keeps its entry. */
		bpf_map_update_elem(map, key, &zero, BPF_NOEXIST);
		value = bpf_map_lookup_elem(map, key);
		if (!value)
			return;
	}
	__sync_fetch_and_add(value, delta);
}

/* Adds one to the u64 counter under key. */
static __always_inline void counter_inc(void *map, const void *key)
{
	counter_add(map, key, 1);
}

#endif
