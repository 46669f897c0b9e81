/* Counting only the test process's own events keeps exact counts exact on a busy machine. */
#ifndef TEST_FILTER_H
#define TEST_FILTER_H

const volatile u32 target_tgid = 0;

static __always_inline bool from_target(void)
{
	return (bpf_get_current_pid_tgid() >> 32) == target_tgid;
}

static __always_inline void count(void *map)
{
	u32 zero = 0;
	u64 *value = bpf_map_lookup_elem(map, &zero);

	if (value)
		__sync_fetch_and_add(value, 1);
}

#define COUNTER(name)                                                                              \
	struct {                                                                                   \
		__uint(type, BPF_MAP_TYPE_ARRAY);                                                  \
		__uint(max_entries, 1);                                                            \
		__type(key, u32);                                                                  \
		__type(value, u64);                                                                \
	} name SEC(".maps")

#endif
