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

/*
 * Histograms
 *
 * A histogram map is keyed by a struct whose last member is named bucket
 * (a u64 in hash keys; a u32 when the map is an array indexed by bucket,
 * whose max_entries is then the last bucket + 2) and holds one u64 count per
 * bucket (not cumulative: the exporter adds the
 * buckets up). The exporter reads buckets bucket_min..bucket_max and, when
 * present, the sum of all observed values under bucket_max + 1 (for fixed
 * buckets: the last bucket key + 1).
 */

/* floor(log2(v)) for v >= 1, and 0 for v == 0. Branch free, no loop. */
static __always_inline __u64 log2_floor(__u64 v)
{
	__u64 r, shift;

	r = (v > 0xffffffffULL) << 5;
	v >>= r;
	shift = (v > 0xffff) << 4;
	v >>= shift;
	r |= shift;
	shift = (v > 0xff) << 3;
	v >>= shift;
	r |= shift;
	shift = (v > 0xf) << 2;
	v >>= shift;
	r |= shift;
	shift = (v > 0x3) << 1;
	v >>= shift;
	r |= shift;
	r |= (v >> 1);
	return r;
}

/*
 * Index of the exp2 bucket that holds v: the smallest i with v <= 2^i, so
 * that the bucket's upper bound (le = 2^i * bucket_multiplier) is true for
 * every value counted in it. 0 and 1 land in bucket 0.
 */
static __always_inline __u64 exp2_bucket(__u64 v)
{
	if (v <= 1)
		return 0;
	return log2_floor(v - 1) + 1;
}

/*
 * Index of the exp2zero bucket that holds v: bucket 0 holds only zero,
 * bucket i >= 1 holds values up to 2^(i-1).
 */
static __always_inline __u64 exp2zero_bucket(__u64 v)
{
	if (v == 0)
		return 0;
	return exp2_bucket(v) + 1;
}

/*
 * Index of the linear bucket that holds v when bucket i's upper bound is
 * i * step: the smallest i with v <= i * step.
 */
static __always_inline __u64 linear_bucket(__u64 v, __u64 step)
{
	return (v + step - 1) / step;
}

/*
 * Counts one observation of value in bucket index (clamped to max_bucket, so
 * that the last bucket also takes everything larger), then adds value to the
 * sum kept under max_bucket + 1. key points to the caller's key struct; its
 * other members must be set (and any padding zeroed) beforehand. Leaves
 * key->bucket set to the sum slot.
 */
#define histogram_observe(map, key, index, value, max_bucket)          \
	do {                                                           \
		__u64 __idx = (index);                                 \
		(key)->bucket = __idx > (max_bucket) ? (max_bucket) : __idx; \
		counter_inc((map), (key));                             \
		(key)->bucket = (__u64)(max_bucket) + 1;               \
		counter_add((map), (key), (value));                    \
	} while (0)

/* histogram_observe for an exp2 histogram (bucket_type: exp2). */
#define histogram_observe_exp2(map, key, value, max_bucket) \
	histogram_observe(map, key, exp2_bucket(value), value, max_bucket)

#endif
